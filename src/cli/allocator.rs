//! The memory allocator of the `newsgraph` program: mimalloc.
//!
//! Analysis allocates many small strings per token, and with the system
//! allocator a fifth of ingest CPU went to `malloc` and `free`. mimalloc
//! halves that. One catch makes this more than a one-line swap: Oxigraph 0.5
//! turns RocksDB's error messages, which RocksDB allocates with the C library's
//! `malloc`, into Rust `CString`s and so frees them through Rust's allocator.
//! `dealloc` therefore hands blocks that mimalloc does not own back to the C
//! library's `free` (a page-map lookup per free), so that a store error (disk
//! full, store locked) is reported instead of crashing the process.

#![allow(
    unsafe_code,
    reason = "a global allocator is unsafe by nature; each block says why it is sound"
)]

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

extern "C" {
    /// The C library's `free`, for blocks the C library allocated.
    fn free(block: *mut c_void);
}

/// mimalloc, with C-allocated blocks freed by the C library (see the module docs).
pub struct Allocator;

// SAFETY: every call is forwarded to mimalloc, which upholds `GlobalAlloc`'s
// contract; the one exception, `dealloc` of a block mimalloc does not own, can
// only be a C `malloc` block (Rust never frees memory it did not allocate any
// other way), which the C library's `free` releases.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: `block` is live; mimalloc's blocks go back to mimalloc,
        // others (C `malloc` blocks) to the C library.
        unsafe {
            if libmimalloc_sys::mi_is_in_heap_region(block.cast()) {
                mimalloc::MiMalloc.dealloc(block, layout);
            } else {
                free(block.cast());
            }
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded with the caller's guarantees. Foreign blocks are
        // only ever freed (`CString` never grows), never reallocated.
        unsafe { mimalloc::MiMalloc.realloc(block, layout, new_size) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_from_either_allocator_are_freed_by_their_own() {
        extern "C" {
            fn malloc(size: usize) -> *mut c_void;
        }
        let layout = Layout::from_size_align(32, 8).unwrap();
        // SAFETY: each block is allocated, written and freed once.
        unsafe {
            let own = Allocator.alloc(layout);
            assert!(!own.is_null());
            own.write_bytes(7, 32);
            Allocator.dealloc(own, layout);
            // What Oxigraph does with a RocksDB error message.
            let foreign = malloc(32).cast::<u8>();
            assert!(!foreign.is_null());
            foreign.write_bytes(7, 32);
            Allocator.dealloc(foreign, layout);
        }
    }
}

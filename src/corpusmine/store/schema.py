"""The SQLite schema, versioned with ``PRAGMA user_version``.

``MIGRATIONS[n]`` upgrades a database from version ``n`` to ``n + 1``; a database
newer than ``SCHEMA_VERSION`` is refused, never overwritten.
"""

from __future__ import annotations

SCHEMA_VERSION = 10
APPLICATION_ID = 0x636D696E  # "cmin": marks a file as a corpusmine database

# Indexes the queries rely on, added after version 1 was released: part of every new
# database, and created when an older version-1 file is opened (see Store). Name -> DDL.
QUERY_INDEXES = {
    # Covers "which texts are tagged as places" (label, then text) without reading rows;
    # also serves every lookup by label.
    "mentions_label_text": "CREATE INDEX IF NOT EXISTS mentions_label_text"
    " ON mentions(label, text);",
    # The timeline reads only event claims: found by attribute, not by a scan of all.
    "claims_attribute": "CREATE INDEX IF NOT EXISTS claims_attribute ON claims(attribute);",
    # Which documents' dates came from their metadata (the corpus anchor), without
    # reading every document row (each holds its text).
    "documents_date_source": "CREATE INDEX IF NOT EXISTS documents_date_source"
    " ON documents(date_source, id, date);",
}

SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    pipeline TEXT NOT NULL,
    encoding TEXT NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    date TEXT,
    date_source TEXT NOT NULL,
    date_window TEXT,
    source TEXT,
    text TEXT NOT NULL,
    words INTEGER NOT NULL,
    extracted_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS blocks (
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    lead_in INTEGER,
    PRIMARY KEY (document, idx)
);
CREATE TABLE IF NOT EXISTS sentences (
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (document, start)
);
CREATE TABLE IF NOT EXISTS mentions (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    normalized TEXT,
    date_mod TEXT,
    entity_id TEXT
);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document, start);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    cue TEXT NOT NULL,
    speaker_text TEXT NOT NULL,
    speaker_start INTEGER NOT NULL,
    speaker_end INTEGER NOT NULL,
    speaker_label TEXT NOT NULL,
    method TEXT NOT NULL,
    confidence REAL NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    joint_with TEXT NOT NULL DEFAULT '[]',
    speaker_id TEXT
);
CREATE INDEX IF NOT EXISTS quotes_document ON quotes(document, start);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id);
CREATE TABLE IF NOT EXISTS claims (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    subject_text TEXT NOT NULL,
    subject_start INTEGER NOT NULL,
    subject_end INTEGER NOT NULL,
    attribute TEXT NOT NULL,
    value TEXT NOT NULL,
    normalized TEXT,
    unit TEXT,
    qualifier TEXT NOT NULL,
    as_of TEXT,
    speaker TEXT,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    status TEXT,
    subject_id TEXT,
    speaker_id TEXT
);
CREATE INDEX IF NOT EXISTS claims_document ON claims(document, start);
CREATE INDEX IF NOT EXISTS claims_subject ON claims(subject_id, attribute);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL,
    roles TEXT NOT NULL,
    affiliations TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    documents TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entities_type ON entities(type);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
""" + "".join(QUERY_INDEXES.values())

# Candidate references (acronym definitions, descriptions, coordinations) found once per
# document by extract, for resolution. ``fields`` holds the record's own fields as JSON;
# every scanned document has a ``scanned`` row, so a document stored before version 2
# is told apart from one without candidates.
CANDIDATE_REFERENCES = """
CREATE TABLE IF NOT EXISTS candidate_references (
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    fields TEXT NOT NULL,
    PRIMARY KEY (document, idx)
);
"""

# Where each document's file was (absolute, links not resolved), so that a later run
# never reuses its id for another file without being told to (NULL: stored before v3).
DOCUMENT_ORIGIN = "ALTER TABLE documents ADD COLUMN origin TEXT;"

# Where each page of a PDF starts in the stored text (page 1 first), so every record can
# say its page; and what a saved page or a PDF says of itself beyond title and date.
DOCUMENT_PAGES = """
CREATE TABLE IF NOT EXISTS pages (
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    start INTEGER NOT NULL,
    PRIMARY KEY (document, page)
);
ALTER TABLE documents ADD COLUMN author TEXT;
ALTER TABLE documents ADD COLUMN url TEXT;
"""

# Meetings (issue 14): the items, attendance and decisions read from minutes. A person's
# entity is found at read time through the PERSON mention at the printed name's span
# (extract adds one for every name of the meeting's structure). ``voters`` is JSON:
# {"for": [[name, start, end], ...], "against": ..., "abstain": ..., "absent": ...}.
MEETINGS = """
CREATE TABLE IF NOT EXISTS agenda_items (
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    number TEXT,
    title TEXT NOT NULL,
    level INTEGER NOT NULL,
    parent TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    heading_end INTEGER NOT NULL,
    PRIMARY KEY (document, idx)
);
CREATE TABLE IF NOT EXISTS attendance (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    role TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    event TEXT,
    time TEXT,
    item TEXT
);
CREATE INDEX IF NOT EXISTS attendance_document ON attendance(document, start);
CREATE TABLE IF NOT EXISTS decisions (
    id INTEGER PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item TEXT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    outcome TEXT NOT NULL,
    moved_by TEXT,
    moved_by_start INTEGER,
    moved_by_end INTEGER,
    seconded_by TEXT,
    seconded_by_start INTEGER,
    seconded_by_end INTEGER,
    votes_for INTEGER,
    votes_against INTEGER,
    abstentions INTEGER,
    voters TEXT NOT NULL,
    actor TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS decisions_document ON decisions(document, start);
"""

# Every word of every name key (canonical name and aliases, lower-cased, honorifics
# dropped) of every entity, written with the entities: "which entities does the user
# mean by 'Cllr Nunn'" is then an index lookup, not a pass over every entity in Python.
# ``alias`` numbers the entity's names (0 the canonical one), so that all the words of a
# query must occur in one name.
ENTITY_WORDS = """
CREATE TABLE IF NOT EXISTS entity_words (
    word TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    alias INTEGER NOT NULL,
    PRIMARY KEY (word, entity_id, alias)
) WITHOUT ROWID;
"""

# Resolution stores the occurrences of a corpus's names the NER missed ("Colts" tagged in
# one article, untagged in the next) as mentions of their own origin: NULL for what
# extract found, 'corpus' for these. Each resolution replaces all of them, and they are
# never resolution's input, so re-resolving gives the same result.
MENTION_ORIGIN = """
ALTER TABLE mentions ADD COLUMN origin TEXT;
"""

# The name keys of each document's mentions (``resolve.keys``: "word:smithers",
# "letters:nnc"), written with the document: the stored documents a new document's names
# can meet in resolution are an index look-up by key, never a pass over the corpus.
# Documents stored before version 8 get theirs at the next resolution (meta 'name_keys').
NAME_KEYS = """
CREATE TABLE IF NOT EXISTS name_keys (
    key TEXT NOT NULL,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (key, document)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS name_keys_document ON name_keys(document);
"""

# Each document's lower-case words as resolution compares them (``resolve.lowercase.
# indexed_words``: comparison tokens, "0" where a run of lower-case words ends), in a
# full-text index: how many documents write a name in lower case ("foster carers") is a
# phrase query, not a scan of every text. A virtual table has no foreign keys, and
# VACUUM may renumber a document's implicit row id: ``lowercase_rows`` gives each
# document the index row it owns (the writes delete both with the document).
LOWERCASE_WORDS = """
CREATE VIRTUAL TABLE IF NOT EXISTS lowercase_words USING fts5(
    words, tokenize = "unicode61 tokenchars '-'"
);
CREATE TABLE IF NOT EXISTS lowercase_rows (
    row INTEGER PRIMARY KEY,
    document TEXT NOT NULL UNIQUE
);
DELETE FROM meta WHERE key = 'name_keys';
"""

# What an addition is checked and attached against without redoing resolution
# (``resolve.guards``): the census of the corpus the last full resolution read, with that
# resolution, under the digest of its documents (``runner._resolution_state``). One row:
# each full resolution replaces it; it is a cache, never a record (a missing or stale
# one only means the next addition is resolved in full).
RESOLUTION_CENSUS = """
CREATE TABLE IF NOT EXISTS resolution_census (
    state TEXT PRIMARY KEY,
    data BLOB NOT NULL
);
"""

# Version n -> n + 1.
MIGRATIONS: dict[int, str] = {
    1: CANDIDATE_REFERENCES,
    2: DOCUMENT_ORIGIN,
    3: DOCUMENT_PAGES,
    4: MEETINGS,
    5: ENTITY_WORDS,
    6: MENTION_ORIGIN,
    7: NAME_KEYS,
    8: LOWERCASE_WORDS,
    9: RESOLUTION_CENSUS,
}

-- ALS Insight DuckDB schema. The public interface of ../shared/spec/data-contract.md:
-- extend it, do not rename. No column holds raw personal data: free text is stored
-- only after anonymisation and identities only as keyed codes.

CREATE TABLE IF NOT EXISTS runs (
    run_id      VARCHAR PRIMARY KEY,
    command     VARCHAR NOT NULL,          -- run, topics, train...
    started_at  TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    config      JSON,                      -- the effective configuration (never the key)
    versions    JSON,                      -- package and model versions
    summary     JSON                       -- counts: documents, segments, entities by type, issues
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id         VARCHAR PRIMARY KEY,    -- keyed digest of the content
    source_ref     VARCHAR NOT NULL,       -- submission id, else file name (roster names removed)
    source_sha256  VARCHAR NOT NULL UNIQUE,-- HMAC-SHA256 of the canonical content: dedups re-runs
    log_type       VARCHAR NOT NULL,       -- observer | reflective | preparation
    set_id         VARCHAR,
    meeting_number INTEGER,
    meeting_month  VARCHAR,                -- YYYY-MM: meeting dates are coarsened to month
    member_code    VARCHAR,                -- HMAC of the author's email (else name)
    org_code       VARCHAR,                -- HMAC of the organisation
    org_type       VARCHAR,
    setting        VARCHAR,
    role           VARCHAR,
    text           VARCHAR NOT NULL,       -- the whole anonymised text, fields in order
    ingested_at    TIMESTAMP NOT NULL,
    run_id         VARCHAR NOT NULL
);

-- One row per paragraph of a prose field: the unit that codes are applied to.
-- sentence_index is NULL on these paragraph rows; sentences are in `sentences`.
CREATE TABLE IF NOT EXISTS segments (
    segment_id      VARCHAR PRIMARY KEY,
    doc_id          VARCHAR NOT NULL,
    field_index     INTEGER NOT NULL,
    field_prompt    VARCHAR NOT NULL,
    paragraph_index INTEGER NOT NULL,      -- 0-based within the field
    sentence_index  INTEGER,
    text            VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS sentences (
    segment_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    PRIMARY KEY (segment_id, sentence_index)
);

CREATE TABLE IF NOT EXISTS entities (
    doc_id      VARCHAR NOT NULL,
    segment_id  VARCHAR,                   -- NULL inside question lists
    entity_type VARCHAR NOT NULL,          -- PERSON ORG LOCATION CONTACT ID DATE
    placeholder VARCHAR NOT NULL,          -- [PERSON1], or a member code such as [M-4F2A9C]
    detector    VARCHAR NOT NULL,          -- ner | pattern | roster | propagation
    score       DOUBLE,
    run_id      VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS questions (
    doc_id         VARCHAR NOT NULL,
    question_index INTEGER NOT NULL,       -- 0-based within the document
    field_prompt   VARCHAR NOT NULL,
    text           VARCHAR NOT NULL,
    question_type  VARCHAR,                -- thinking | feeling | willing
    confidence     DOUBLE,
    PRIMARY KEY (doc_id, question_index)
);

CREATE TABLE IF NOT EXISTS codebook (
    code_id    VARCHAR PRIMARY KEY,
    family     VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    definition VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS codings (
    segment_id VARCHAR NOT NULL,
    code_id    VARCHAR NOT NULL,
    method     VARCHAR NOT NULL,           -- rule | model | topic | human
    confidence DOUBLE,
    status     VARCHAR NOT NULL,           -- suggested | accepted | rejected
    run_id     VARCHAR NOT NULL,
    created_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS topics (
    run_id   VARCHAR NOT NULL,
    topic_id INTEGER NOT NULL,
    label    VARCHAR,
    keywords VARCHAR[],
    size     INTEGER,
    PRIMARY KEY (run_id, topic_id)
);

-- Added for the dashboard: what each topic is closest to in the codebook, and how it was found.
ALTER TABLE topics ADD COLUMN IF NOT EXISTS best_code VARCHAR;
ALTER TABLE topics ADD COLUMN IF NOT EXISTS code_share DOUBLE;

-- Added for review and REFI-QDA codebooks: the codebook's examples of what a code covers and what it
-- does not (written by the codebook's authors, scanned by `als audit` like every text column).
ALTER TABLE codebook ADD COLUMN IF NOT EXISTS include_examples VARCHAR[];
ALTER TABLE codebook ADD COLUMN IF NOT EXISTS exclude_examples VARCHAR[];

-- A topic's segments per meeting number and per set, with the words it used there
-- (BERTopic's topics over time and topics per class), for charts.
CREATE TABLE IF NOT EXISTS topic_meetings (
    run_id         VARCHAR NOT NULL,
    topic_id       INTEGER NOT NULL,
    meeting_number INTEGER NOT NULL,
    segments       INTEGER NOT NULL,
    keywords       VARCHAR[]
);

CREATE TABLE IF NOT EXISTS topic_sets (
    run_id   VARCHAR NOT NULL,
    topic_id INTEGER NOT NULL,
    set_id   VARCHAR NOT NULL,
    segments INTEGER NOT NULL,
    keywords VARCHAR[]
);

-- Sentence embeddings of anonymised segments (derived from anonymised text only), so
-- topic runs need not embed again. One row per segment and embedding model.
CREATE TABLE IF NOT EXISTS segment_embeddings (
    segment_id VARCHAR NOT NULL,
    model      VARCHAR NOT NULL,
    vector     FLOAT[] NOT NULL
);

CREATE TABLE IF NOT EXISTS segment_topics (
    segment_id  VARCHAR NOT NULL,
    run_id      VARCHAR NOT NULL,
    topic_id    INTEGER NOT NULL,
    probability DOUBLE
);

-- What was skipped or doubtful, and why. Never cell contents.
CREATE TABLE IF NOT EXISTS ingest_issues (
    run_id     VARCHAR NOT NULL,
    source_ref VARCHAR NOT NULL,           -- file (roster names removed)
    "row"      INTEGER,                    -- spreadsheet row as Excel shows it (header = 1)
    "column"   VARCHAR,
    severity   VARCHAR NOT NULL,           -- error (skipped) | warning (kept) | info
    message    VARCHAR NOT NULL
);

-- Facts about the database itself, one row each. `key_fingerprint`: a keyed hash (HMAC-SHA256)
-- of a constant under the pseudonym key, never the key: a run with another key is refused
-- (codes made under two keys would mix) unless `als run --new-key` is given.
CREATE TABLE IF NOT EXISTS meta (
    name       VARCHAR PRIMARY KEY,
    value      VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Terms a person redacted after the fact (`als redact`), remembered only as a keyed hash
-- (HMAC-SHA256 under the pseudonym key of the folded term) so that later runs with the key
-- remove them too, while the database holds no raw personal data.
CREATE TABLE IF NOT EXISTS redacted_terms (
    term_digest VARCHAR PRIMARY KEY,
    entity_type VARCHAR NOT NULL,
    run_id      VARCHAR NOT NULL
);

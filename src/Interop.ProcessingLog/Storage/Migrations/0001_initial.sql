-- The processing log (Logboek Dataverwerkingen). Portable SQL: the same script runs on SQLite and PostgreSQL
-- (VARCHAR/INTEGER/BIGINT only). Times are Unix microseconds, hashes lower-case hex, enums their proto numbers,
-- data categories a comma-separated list of proto numbers in the order given. Rows are only ever inserted.
CREATE TABLE processing_record (
    sequence_no            BIGINT       NOT NULL PRIMARY KEY,
    trace_id               VARCHAR(32)  NOT NULL,
    span_id                VARCHAR(16)  NOT NULL,
    parent_span_id         VARCHAR(16)  NOT NULL,
    processing_activity_id VARCHAR(200) NOT NULL,
    operation              VARCHAR(200) NOT NULL,
    action                 INTEGER      NOT NULL,
    purpose_code           VARCHAR(200) NOT NULL,
    legal_basis_kind       INTEGER      NOT NULL,
    legal_basis_value      VARCHAR(200) NOT NULL,
    requesting_oin         VARCHAR(20)  NOT NULL,
    executing_oin          VARCHAR(20)  NOT NULL,
    data_subject_ref       VARCHAR(64)  NOT NULL,
    data_categories        VARCHAR(200) NOT NULL,
    status                 INTEGER      NOT NULL,
    start_time             BIGINT       NOT NULL,
    end_time               BIGINT       NOT NULL,
    vertrouwelijkheid      INTEGER      NOT NULL,
    bewaartermijn          VARCHAR(32)  NOT NULL,
    previous_hash          VARCHAR(64)  NOT NULL,
    record_hash            VARCHAR(64)  NOT NULL
);

-- Keyset paging, newest first: inzage by subject and the afnemer's own list.
CREATE INDEX ix_processing_record_subject ON processing_record (data_subject_ref, sequence_no);
CREATE INDEX ix_processing_record_requesting ON processing_record (requesting_oin, sequence_no);

-- Partner registry and hub signing keys: the PostgreSQL twin of Storage/Migrations/0001_initial.sql (same tables,
-- columns and constraints). Times stay BIGINT Unix milliseconds, as in the SQLite schema, so both providers hold the
-- same values; flags are BOOLEAN. Keys use the "C" collation so equality and ORDER BY compare bytes, as SQLite does,
-- whatever locale the cluster was created with.
CREATE TABLE organisation (
    oin         VARCHAR(20)  COLLATE "C" NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    rmc_region  VARCHAR(16)  NULL,
    enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at  BIGINT       NOT NULL
);

CREATE TABLE api_client (
    client_id        VARCHAR(128)  COLLATE "C" NOT NULL PRIMARY KEY,
    organisation_oin VARCHAR(20)   COLLATE "C" NOT NULL REFERENCES organisation (oin),
    jwks             TEXT          NULL,
    jwks_url         VARCHAR(2048) NULL,
    allowed_scopes   TEXT          NOT NULL,
    enabled          BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at       BIGINT        NOT NULL,
    keys_updated_at  BIGINT        NOT NULL,
    CHECK ((jwks IS NULL) <> (jwks_url IS NULL))
);

CREATE INDEX ix_api_client_organisation ON api_client (organisation_oin);

-- The private key column is acceptable for a development setup only: production keeps keys in a KMS/HSM.
-- seq is the insertion order: the tie-break between keys with the same start that SQLite takes from rowid.
CREATE TABLE signing_key (
    kid               VARCHAR(64) COLLATE "C" NOT NULL PRIMARY KEY,
    seq               BIGINT      GENERATED ALWAYS AS IDENTITY,
    algorithm         VARCHAR(16) NOT NULL,
    private_key_pem   TEXT        NOT NULL,
    created_at        BIGINT      NOT NULL,
    signing_starts_at BIGINT      NOT NULL,
    retires_at        BIGINT      NULL
);

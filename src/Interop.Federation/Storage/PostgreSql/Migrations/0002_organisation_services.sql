-- The PostgreSQL twin of Storage/Migrations/0002_organisation_services.sql: the leefgebieden a partner accepts
-- referrals for (by wire name, e.g. 'zorg') and whether it takes plan handovers. Keys in the "C" collation, as in 0001.
ALTER TABLE organisation ADD COLUMN accepts_handovers BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE organisation_referral_leefgebied (
    oin        VARCHAR(20) COLLATE "C" NOT NULL REFERENCES organisation (oin),
    leefgebied VARCHAR(32) COLLATE "C" NOT NULL,
    PRIMARY KEY (oin, leefgebied)
);

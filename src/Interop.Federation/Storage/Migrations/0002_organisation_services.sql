-- What a partner takes from others: the leefgebieden it accepts referrals for (one row each, by wire name, e.g.
-- 'zorg'; none: it accepts no referrals) and whether it takes plan handovers. Portable SQL, as 0001.
ALTER TABLE organisation ADD COLUMN accepts_handovers SMALLINT NOT NULL DEFAULT 0;

CREATE TABLE organisation_referral_leefgebied (
    oin        VARCHAR(20) NOT NULL REFERENCES organisation (oin),
    leefgebied VARCHAR(32) NOT NULL,
    PRIMARY KEY (oin, leefgebied)
);

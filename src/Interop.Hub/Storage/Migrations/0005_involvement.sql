-- Involvement (betrokkenheid, as the Verwijsindex registers it): an organisation is involved with a jongere on some
-- leefgebieden from since_time until end_time (null while involved); it lapses at expire_time unless renewed.
-- legal_basis_kind/value record the basis of the registration (ProcessingLegalBasisKind number; consent id or
-- statutory task code) and purpose_code the purpose that basis was checked for. One open row per organisation and
-- jongere; ended rows stay as history.
CREATE TABLE involvement (
    subject_pseudonym VARCHAR(64) NOT NULL,
    organisation_oin VARCHAR(20) NOT NULL,
    leefgebied_mask BIGINT NOT NULL,
    since_time BIGINT NOT NULL,
    expire_time BIGINT,
    end_time BIGINT,
    legal_basis_kind SMALLINT NOT NULL,
    legal_basis_value VARCHAR(100) NOT NULL,
    purpose_code VARCHAR(100) NOT NULL,
    PRIMARY KEY (subject_pseudonym, organisation_oin, since_time)
);
CREATE INDEX involvement_organisation ON involvement (organisation_oin);

-- Jongeren known to the hub, keyed by the keyed pseudonym (HMAC-SHA256 of the BSN with the hub's secret), never by
-- the BSN. The BSN itself is kept only encrypted (PersonalDataProtector, associated data "subject:" + pseudonym), for
-- deriving each organisation's subject_ref and for payloads that must carry it to a receiver.
CREATE TABLE subject (
    pseudonym VARCHAR(64) PRIMARY KEY,
    bsn_protected TEXT NOT NULL,
    create_time BIGINT NOT NULL
);

-- The subject_refs the hub issued: organisation-specific pseudonyms, so a ref given back resolves to the jongere.
CREATE TABLE subject_ref (
    organisation_oin VARCHAR(20) NOT NULL,
    subject_ref VARCHAR(64) NOT NULL,
    pseudonym VARCHAR(64) NOT NULL,
    PRIMARY KEY (organisation_oin, subject_ref)
);

-- The durable notification queue: one row per event per recipient. event_cursor is global and strictly increasing in
-- commit order, so each recipient's cursors increase too. payload is the interop.v1.Event (base64 protobuf) with
-- cursor, event_id and the recipient's subject_ref filled; events carry no case content.
CREATE TABLE hub_event (
    event_cursor BIGINT PRIMARY KEY,
    event_id VARCHAR(36) NOT NULL UNIQUE,
    recipient_oin VARCHAR(20) NOT NULL,
    occur_time BIGINT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX hub_event_recipient ON hub_event (recipient_oin, event_cursor);

-- Per organisation: the highest cursor it acknowledged (AcknowledgeEvents). Only ever moves forward.
CREATE TABLE subscriber_position (
    organisation_oin VARCHAR(20) PRIMARY KEY,
    acknowledged_cursor BIGINT NOT NULL
);

-- Which organisations received data under which consent (first time only), so a revocation can notify each of them
-- (ConsentRevoked). Written by every exchange that rests on consent.
CREATE TABLE consent_disclosure (
    consent_id VARCHAR(64) NOT NULL,
    recipient_oin VARCHAR(20) NOT NULL,
    subject_pseudonym VARCHAR(64) NOT NULL,
    first_time BIGINT NOT NULL,
    PRIMARY KEY (consent_id, recipient_oin)
);

-- Issue 4, member identity and privacy. Versions 20-29 belong to member identity.

-- Each member's own data key (base64 AES-256). Kept beside the log, never in it: erasing a member deletes
-- the row, and what the log keeps of the person (sealed phone, name, birthday) can no longer be read.
-- Not a projection: a rebuild does not empty it.
CREATE TABLE member_keys (
    member_id    TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    key_material TEXT NOT NULL
);

-- Members whose personal data was erased (a projection of MemberErased): their keys are refused if a till
-- offers them again, and their personal fields are not written again.
CREATE TABLE erased_members (
    member_id TEXT COLLATE "C" NOT NULL PRIMARY KEY
);

-- The chain's secrets: 'member.lookup' keys the phone hash; it reaches each till at enrollment.
CREATE TABLE chain_secrets (
    name  TEXT COLLATE "C" NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);

-- The waitlist. waitlist_signup is append-only (every accepted submission as it came, plus the
-- identity key computed at intake); waitlist_entry is one row per person after de-duplication.
-- Personal columns are nullable so that erasure can empty them while the counts stay.
create extension if not exists pg_trgm;

create table waitlist_entry (
    id                    bigserial    primary key,
    -- normalized email; replaced by a random value on erasure so the person can sign up afresh
    identity_key          text         not null,
    -- true when a person undid a merge: the entry stands alone and the job never merges into it
    kept_apart            boolean      not null default false,
    -- set when a person decided two entries are the same: this entry's sign-ups now live there
    merged_into           bigint       references waitlist_entry (id),
    canonical_signup_id   bigint       not null,
    queued_at             timestamptz  not null,
    -- ACTIVE, MERGED, ERASED; later modules add their own (ALLOCATED, INVITED, ...)
    status                varchar(30)  not null default 'ACTIVE',
    email                 text,
    full_name             text,
    name_key              text,
    country               char(2),
    preferred_language    varchar(35),
    time_zone             varchar(64),
    -- received_at of the sign-up the contact preferences above come from (the newest)
    preferences_at        timestamptz  not null,
    specialties           text[]       not null default '{}',
    source_pages          text[]       not null default '{}',
    signup_count          int          not null default 1,
    search_text           text generated always as (lower(coalesce(email, '') || ' ' || coalesce(full_name, ''))) stored,
    version               int          not null default 0,
    updated_at            timestamptz  not null default now()
);
create unique index waitlist_entry_identity_key on waitlist_entry (identity_key) where not kept_apart;
create index waitlist_entry_queue on waitlist_entry (queued_at, id);
create index waitlist_entry_status_queue on waitlist_entry (status, queued_at, id);
create index waitlist_entry_country_queue on waitlist_entry (country, queued_at, id);
-- lets the list count a country's entries from the index alone
create index waitlist_entry_country_status on waitlist_entry (country, status);
create index waitlist_entry_specialties on waitlist_entry using gin (specialties);
create index waitlist_entry_source_pages on waitlist_entry using gin (source_pages);
create index waitlist_entry_search on waitlist_entry using gin (search_text gin_trgm_ops);
create index waitlist_entry_look_alike on waitlist_entry (name_key, country, id) where status = 'ACTIVE';
create index waitlist_entry_merged_into on waitlist_entry (merged_into) where merged_into is not null;

create table waitlist_signup (
    id                        bigserial    primary key,
    received_at               timestamptz  not null default now(),
    email                     text,
    full_name                 text,
    country                   char(2),
    preferred_language        varchar(35),
    time_zone                 varchar(64),
    specialty                 varchar(40),
    source_page               varchar(120),
    message                   text,
    consent_data_processing   boolean      not null,
    consent_cross_border      boolean      not null,
    consent_marketing         boolean      not null default false,
    consent_text_version      varchar(40)  not null,
    consent_accepted_at       timestamptz  not null,
    client_ip_hash            varchar(64),
    user_agent                varchar(256),
    identity_key              text         not null,
    name_key                  text,
    -- NEW until the dedupe job has filed it; then CANONICAL (first of its person) or DUPLICATE
    state                     varchar(20)  not null default 'NEW',
    entry_id                  bigint       references waitlist_entry (id),
    duplicate_of              bigint       references waitlist_signup (id),
    -- a person undid this sign-up's merge: the job leaves it on its own entry
    merge_blocked             boolean      not null default false
);
create index waitlist_signup_new on waitlist_signup (identity_key) where state = 'NEW';
create index waitlist_signup_entry on waitlist_signup (entry_id);

alter table waitlist_entry add constraint waitlist_entry_canonical
    foreign key (canonical_signup_id) references waitlist_signup (id) deferrable initially deferred;

-- Every merge, by the job (job_execution_id) or by a person (decided_by), so it can be undone.
create table waitlist_merge (
    id                 bigserial    primary key,
    entry_id           bigint       not null references waitlist_entry (id),
    signup_id          bigint       not null references waitlist_signup (id),
    job_execution_id   bigint,
    decided_by         varchar(100),
    merged_at          timestamptz  not null default now(),
    undone_at          timestamptz,
    undone_by          varchar(100),
    undone_to_entry_id bigint       references waitlist_entry (id)
);
create index waitlist_merge_entry on waitlist_merge (entry_id);
create index waitlist_merge_signup on waitlist_merge (signup_id);
create index waitlist_merge_undone_to on waitlist_merge (undone_to_entry_id) where undone_to_entry_id is not null;

-- Look-alikes (same normalized name and country, different identity key): a person decides.
create table waitlist_possible_duplicate (
    id          bigserial    primary key,
    entry_a     bigint       not null references waitlist_entry (id),
    entry_b     bigint       not null references waitlist_entry (id),
    reason      varchar(200) not null,
    -- OPEN, CONFIRMED_SAME (then merged), DISTINCT
    status      varchar(20)  not null default 'OPEN',
    found_at    timestamptz  not null default now(),
    decided_by  varchar(100),
    decided_at  timestamptz,
    unique (entry_a, entry_b),
    check (entry_a < entry_b)
);
create index waitlist_possible_duplicate_b on waitlist_possible_duplicate (entry_b);
create index waitlist_possible_duplicate_open on waitlist_possible_duplicate (status, id);

-- Hospital profiles: what Jade Crane checked about a hospital (the fit criteria of the cancer
-- second-opinion guide) and whether that check is current. Lists that are only ever read with
-- their profile are JSONB; the specialties are a text[] (derived from the departments) so the
-- public site's specialty filter can use a GIN index.
create table hospital (
    id                          bigint generated always as identity primary key,
    slug                        varchar(80)  not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                        varchar(200) not null,
    local_name                  varchar(200),
    city                        varchar(100) not null,
    province                    varchar(100),
    grade                       varchar(40),
    website                     varchar(500) check (website ~* '^https?://'),
    international_desk          jsonb        not null default '{}',
    departments                 jsonb        not null default '[]',
    specialties                 text[]       not null default '{}',
    outside_pathology_review    boolean      not null default false,
    imaging_review_dicom        boolean      not null default false,
    multidisciplinary_team      boolean      not null default false,
    translated_written_summary  boolean      not null default false,
    summary_languages           jsonb        not null default '[]',
    remote_record_triage        boolean      not null default false,
    follow_up_channel           varchar(20)  not null default 'NONE'
                                check (follow_up_channel in ('EMAIL', 'VIDEO', 'MESSAGING', 'PHONE', 'NONE')),
    follow_up_notes             varchar(2000),
    records_required            jsonb        not null default '[]',
    red_flags_observed          jsonb        not null default '[]',
    status                      varchar(20)  not null default 'UNVERIFIED'
                                check (status in ('UNVERIFIED', 'IN_VERIFICATION', 'VERIFIED', 'EXPIRED', 'SUSPENDED')),
    status_reason               varchar(1000),
    status_changed_at           timestamptz  not null default now(),
    latest_verification_id      bigint,
    version                     bigint       not null default 0,
    created_by                  varchar(64)  not null,
    created_at                  timestamptz  not null default now(),
    updated_by                  varchar(64)  not null,
    updated_at                  timestamptz  not null default now()
);

create unique index hospital_slug_uk on hospital (slug);
create index hospital_specialties_idx on hospital using gin (specialties);
create index hospital_status_city_idx on hospital (status, lower(city));

-- Every verification ever recorded; the newest (by verified_on) is the profile's latest.
create table hospital_verification (
    id           bigint generated always as identity primary key,
    hospital_id  bigint        not null references hospital (id),
    verified_on  date          not null,
    expires_on   date          not null,
    method       varchar(20)   not null check (method in ('SITE_VISIT', 'VIDEO_CALL', 'DOCUMENT_CHECK', 'PHONE')),
    verifier     varchar(120)  not null,
    notes        varchar(4000),
    recorded_by  varchar(64)   not null,
    recorded_at  timestamptz   not null default now(),
    check (expires_on > verified_on)
);

create index hospital_verification_hospital_idx on hospital_verification (hospital_id, verified_on desc, id desc);

alter table hospital add constraint hospital_latest_verification_fk
    foreign key (latest_verification_id) references hospital_verification (id);

-- A VERIFIED profile always points at the verification that made it so.
alter table hospital add constraint hospital_verified_has_verification_ck
    check (status <> 'VERIFIED' or latest_verification_id is not null);

-- Evidence files live in the database, so a verification and its files are saved and backed up
-- together and an upload is either fully stored or not at all.
create table hospital_verification_evidence (
    id               bigint generated always as identity primary key,
    verification_id  bigint        not null references hospital_verification (id),
    file_name        varchar(160)  not null,
    content_type     varchar(40)   not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg', 'image/webp')),
    size_bytes       bigint        not null check (size_bytes > 0),
    sha256           char(64)      not null,
    content          bytea         not null,
    uploaded_by      varchar(64)   not null,
    uploaded_at      timestamptz   not null default now()
);

create index hospital_verification_evidence_verification_idx on hospital_verification_evidence (verification_id);

-- What hospitalVerificationExpiryJob found due for re-verification on each run date, for the
-- ops console and later reports.
create table hospital_reverification_due (
    run_date     date    not null,
    hospital_id  bigint  not null references hospital (id),
    expires_on   date    not null,
    primary key (run_date, hospital_id)
);

-- Guide pages: the medical content the public site shows. The working copy (content) is what
-- editors change; published_content is the snapshot the public API serves until the next publish.
create table guide (
    id                 bigint generated always as identity primary key,
    -- translations of one guide share a group (the id of the first language version)
    translation_group  bigint       not null,
    locale             varchar(35)  not null,
    slug               varchar(120) not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    status             varchar(20)  not null default 'DRAFT'
                       check (status in ('DRAFT', 'IN_REVIEW', 'PUBLISHED', 'ARCHIVED')),
    version            bigint       not null default 0,
    content            jsonb        not null,
    current_revision   int          not null default 1,
    publish_at         timestamptz,
    published_content  jsonb,
    published_revision int,
    published_at       timestamptz,
    created_at         timestamptz  not null default now(),
    updated_at         timestamptz  not null default now(),
    constraint guide_slug_locale_uk unique (locale, slug),
    -- one language version per locale within a translation group
    constraint guide_translation_locale_uk unique (translation_group, locale)
);

create index guide_status_idx on guide (status);
create index guide_publish_at_idx on guide (publish_at) where publish_at is not null;

-- Every save keeps a full snapshot: who, when, and why (e.g. "restored from revision 3").
create table guide_revision (
    guide_id bigint       not null references guide (id) on delete cascade,
    revision int          not null,
    content  jsonb        not null,
    saved_by varchar(64)  not null,
    saved_at timestamptz  not null default now(),
    note     varchar(200),
    primary key (guide_id, revision)
);

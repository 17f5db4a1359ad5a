-- Staff accounts of the back-office. Passwords are stored by Spring Security's delegating
-- encoder ({bcrypt}...), so the algorithm can change without a migration.
create table app_user (
    id            bigint generated always as identity primary key,
    username      varchar(64)  not null,
    password_hash varchar(255) not null,
    email         varchar(254),
    display_name  varchar(120),
    enabled       boolean      not null default true,
    version       bigint       not null default 0,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);

-- "Admin" and "admin" are the same person: usernames are unique regardless of case.
create unique index app_user_username_uk on app_user (lower(username));

create table app_user_role (
    user_id bigint      not null references app_user (id) on delete cascade,
    role    varchar(20) not null check (role in ('ADMIN', 'EDITOR', 'OPS', 'LEADERSHIP')),
    primary key (user_id, role)
);

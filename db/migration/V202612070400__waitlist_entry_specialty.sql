-- The admin list filtered by a specialty and a country, in queue order. A specialty is an element of
-- waitlist_entry.specialties, which no btree orders: the covering country index had to test the
-- array of every entry of the country until it had counted 1,000 matches (10,000 index tuples and
-- 3 ms for a small country and a rare specialty at 900,000 entries), and the page visited the heap
-- for every entry it passed. Here each entry with a country has one row per specialty, carrying the
-- entry's country, queue time and status: the bounded count reads at most 1,001 index tuples and the
-- page 50, both from the index alone.
--
-- Kept by the database itself (statement-level triggers over the changed rows), so every writer of
-- waitlist_entry, the dedupe job's set-based upserts included, keeps it right without knowing of it.
create table waitlist_entry_specialty (
    specialty  text         not null,
    country    char(2)      not null,
    queued_at  timestamptz  not null,
    entry_id   bigint       not null,
    status     varchar(30)  not null
);
create index waitlist_entry_specialty_queue on waitlist_entry_specialty (specialty, country, queued_at, entry_id) include (status);

create function waitlist_entry_specialty_add() returns trigger language plpgsql as $$
begin
    insert into waitlist_entry_specialty (specialty, country, queued_at, entry_id, status)
    select s.specialty, e.country, e.queued_at, e.id, e.status
    from added e cross join lateral unnest(e.specialties) as s (specialty)
    where e.country is not null;
    return null;
end $$;

-- Rows are found by the index: every column of its key is known from the entry as it was.
create function waitlist_entry_specialty_remove() returns trigger language plpgsql as $$
begin
    delete from waitlist_entry_specialty k
    using removed e cross join lateral unnest(e.specialties) as s (specialty)
    where k.specialty = s.specialty and k.country = e.country and k.queued_at = e.queued_at and k.entry_id = e.id;
    return null;
end $$;

-- Only entries whose specialties, country, queue time or status changed are rewritten; most updates
-- (names, counts, versions) change none of them.
create function waitlist_entry_specialty_change() returns trigger language plpgsql as $$
begin
    delete from waitlist_entry_specialty k
    using removed e join added n using (id) cross join lateral unnest(e.specialties) as s (specialty)
    where (e.specialties, e.country, e.queued_at, e.status) is distinct from (n.specialties, n.country, n.queued_at, n.status)
      and k.specialty = s.specialty and k.country = e.country and k.queued_at = e.queued_at and k.entry_id = e.id;
    insert into waitlist_entry_specialty (specialty, country, queued_at, entry_id, status)
    select s.specialty, n.country, n.queued_at, n.id, n.status
    from added n join removed e using (id) cross join lateral unnest(n.specialties) as s (specialty)
    where (e.specialties, e.country, e.queued_at, e.status) is distinct from (n.specialties, n.country, n.queued_at, n.status)
      and n.country is not null;
    return null;
end $$;

create trigger waitlist_entry_specialty_added after insert on waitlist_entry
    referencing new table as added for each statement execute function waitlist_entry_specialty_add();
create trigger waitlist_entry_specialty_removed after delete on waitlist_entry
    referencing old table as removed for each statement execute function waitlist_entry_specialty_remove();
create trigger waitlist_entry_specialty_changed after update on waitlist_entry
    referencing old table as removed new table as added for each statement execute function waitlist_entry_specialty_change();

insert into waitlist_entry_specialty (specialty, country, queued_at, entry_id, status)
select s.specialty, e.country, e.queued_at, e.id, e.status
from waitlist_entry e cross join lateral unnest(e.specialties) as s (specialty)
where e.country is not null;

-- The country covering index no longer needs the specialties (a country with a specialty is read
-- above): without the array its tuples are a fraction of the size, so a country's bounded count
-- reads fewer pages, and each new entry writes less.
create index waitlist_entry_country_queue_status on waitlist_entry (country, queued_at, id) include (status);
drop index waitlist_entry_country_queue_covering;

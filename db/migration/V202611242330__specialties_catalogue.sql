-- The managed list of medical specialties (and cancer types) that guides file sign-ups under,
-- that the waitlist accepts, and that hospitals and consultation windows serve.
create table specialty (
    code       varchar(40)  primary key check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name       varchar(120) not null,
    active     boolean      not null default true,
    sort_order int          not null default 0
);

insert into specialty (code, name, sort_order) values
    ('oncology', 'Oncology (cancer second opinion)', 10),
    ('breast-cancer', 'Breast cancer', 20),
    ('lung-cancer', 'Lung cancer', 30),
    ('colorectal-cancer', 'Colorectal cancer', 40),
    ('liver-cancer', 'Liver cancer', 50),
    ('gastric-cancer', 'Gastric cancer', 60),
    ('nasopharyngeal-cancer', 'Nasopharyngeal cancer', 70),
    ('hematology', 'Hematology and blood cancers', 80),
    ('radiation-oncology', 'Radiation oncology', 90),
    ('cardiology', 'Cardiology', 100),
    ('orthopedics', 'Orthopedics', 110),
    ('neurology', 'Neurology', 120);

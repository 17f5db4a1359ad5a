package com.jadecrane.waitlist;

import java.io.StringReader;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jadecrane.benchmark.Benchmark;
import com.jadecrane.benchmark.BenchmarkRow;
import com.jadecrane.benchmark.LatencyRow;
import com.jadecrane.benchmark.LoadClients;
import com.jadecrane.benchmark.TimedJob;

/**
 * The waitlist's rows of the benchmark: a generated waitlist (fixed seed; about 10% of sign-ups are
 * repeats of an earlier person, typed with other case, spaces, Gmail dots, tags or googlemail.com),
 * loaded with COPY; then the set-based SQL reference, then {@code waitlistDedupeJob} on the same data
 * (each from the same prepared state), then the admin list through HTTP with 8 concurrent clients.
 */
public final class WaitlistBenchmark {

    private static final long SEED = 20261125L;
    private static final double REPEAT_SHARE = 0.10;
    private static final int COPY_BATCH = 50_000;

    /** Country, language, time zone; the first ones are drawn more often. */
    private static final String[][] COUNTRIES = { { "US", "en", "America/New_York" }, { "GB", "en", "Europe/London" },
            { "AU", "en", "Australia/Sydney" }, { "CA", "en", "America/Toronto" }, { "DE", "de", "Europe/Berlin" },
            { "FR", "fr", "Europe/Paris" }, { "PT", "pt", "Europe/Lisbon" }, { "BR", "pt-BR", "America/Sao_Paulo" },
            { "ES", "es", "Europe/Madrid" }, { "MX", "es", "America/Mexico_City" }, { "RU", "ru", "Europe/Moscow" },
            { "KZ", "ru", "Asia/Almaty" }, { "SG", "en", "Asia/Singapore" }, { "MY", "ms", "Asia/Kuala_Lumpur" },
            { "ID", "id", "Asia/Jakarta" }, { "TH", "th", "Asia/Bangkok" }, { "VN", "vi", "Asia/Ho_Chi_Minh" },
            { "PH", "en", "Asia/Manila" }, { "AE", "ar", "Asia/Dubai" }, { "SA", "ar", "Asia/Riyadh" },
            { "NG", "en", "Africa/Lagos" }, { "KE", "en", "Africa/Nairobi" }, { "IT", "it", "Europe/Rome" },
            { "NL", "nl", "Europe/Amsterdam" }, { "JP", "ja", "Asia/Tokyo" }, { "KR", "ko", "Asia/Seoul" },
            { "NZ", "en", "Pacific/Auckland" }, { "IN", "en", "Asia/Kolkata" }, { "PK", "ur", "Asia/Karachi" },
            { "EG", "ar", "Africa/Cairo" } };
    private static final String[] SPECIALTIES = { "oncology", "oncology", "oncology", "breast-cancer", "lung-cancer",
            "colorectal-cancer", "liver-cancer", "gastric-cancer", "nasopharyngeal-cancer", "hematology",
            "radiation-oncology", "cardiology", "orthopedics", "neurology" };
    private static final String[] PAGES = { "cancer-second-opinion-china", "cancer-second-opinion-china",
            "how-we-verify", "breast-cancer-treatment-china", "lung-cancer-china", "proton-therapy-china",
            "liver-cancer-hospitals", "costs-and-insurance", "visa-for-medical-treatment", "interpreters",
            "heart-surgery-china", "spine-surgery-china", "neurology-second-opinion", "home", "about" };
    private static final String[] DOMAINS = { "gmail.com", "gmail.com", "gmail.com", "gmail.com", "outlook.com",
            "yahoo.com", "hotmail.com", "icloud.com", "proton.me", "mail.ru", "qq.com", "web.de", "example.org" };
    private static final String[] USER_AGENTS = { "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Safari/604.1",
            "Mozilla/5.0 (Linux; Android 15) Chrome/131.0 Mobile", "Mozilla/5.0 (Macintosh) Firefox/133.0" };
    private static final String[] SYLLABLES = { "an", "ba", "ca", "da", "el", "fa", "ga", "ha", "in", "jo", "ka",
            "li", "ma", "na", "ol", "pa", "ra", "sa", "ta", "ul", "va", "wi", "ya", "zo", "mi", "lu", "ro", "se" };

    /** The admin list call measured: a filter on country (the most selective common one), sorted, page of 50. */
    private static final String LIST_CALL = "GET /api/waitlist?country=..&status=ACTIVE&sort=queuedAt,asc&size=50&page=0..4";

    private static final String REFERENCE = """
            with incoming as (
                select identity_key, min(received_at) as first_at, (array_agg(id order by received_at, id))[1] as first_id,
                       max(received_at) as last_at,
                       (array_agg(array[email, full_name, name_key, country, preferred_language, time_zone]
                                  order by received_at desc, id desc)) as newest,
                       array_agg(distinct specialty) as specialties, array_agg(distinct source_page) as source_pages,
                       count(*) as signups
                from waitlist_signup where state = 'NEW' group by identity_key),
            entries as (
                insert into waitlist_entry (identity_key, canonical_signup_id, queued_at, email, full_name, name_key,
                    country, preferred_language, time_zone, preferences_at, specialties, source_pages, signup_count)
                select identity_key, first_id, first_at, newest[1][1], newest[1][2], newest[1][3], newest[1][4],
                       newest[1][5], newest[1][6], last_at, specialties, source_pages, signups
                from incoming
                returning id, identity_key, canonical_signup_id)
            update waitlist_signup s set entry_id = e.id,
                state = case when s.id = e.canonical_signup_id then 'CANONICAL' else 'DUPLICATE' end,
                duplicate_of = case when s.id = e.canonical_signup_id then null else e.canonical_signup_id end
            from entries e where e.identity_key = s.identity_key and s.state = 'NEW'""";

    private final ConfigurableApplicationContext app;
    private final JdbcClient jdbc;
    private final int size;

    public WaitlistBenchmark(ConfigurableApplicationContext app, int size) {
        this.app = app;
        this.jdbc = app.getBean(JdbcClient.class);
        this.size = size;
    }

    public void run(List<BenchmarkRow> jobs, List<LatencyRow> latencies) throws Exception {
        log("generating " + size + " sign-ups");
        long started = System.nanoTime();
        generate();
        log("generated in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");

        prepare();
        long referenceStart = System.nanoTime();
        int marked = jdbc.sql(REFERENCE).update();
        Duration referenceTime = Duration.ofNanos(System.nanoTime() - referenceStart);
        log("reference marked " + marked + " sign-ups in " + referenceTime.toMillis() + " ms");

        prepare();
        TimedJob job = TimedJob.run(app, "waitlistDedupeJob",
                new JobParametersBuilder().addLong("launchedAt", System.currentTimeMillis()).toJobParameters());
        long entries = jdbc.sql("select count(*) from waitlist_entry").query(Long.class).single();
        long referenceEntries = marked;
        log("job made " + entries + " entries from " + referenceEntries + " sign-ups");
        jobs.add(new BenchmarkRow("waitlistDedupeJob (" + entries + " people)", size, job.wallTime(), job.peakHeapBytes(),
                "one set-based SQL statement (entries + marks)", referenceTime));

        jdbc.sql("vacuum analyze waitlist_entry").update();
        // the job rewrote every sign-up: vacuumed now rather than by an autovacuum worker that would
        // start a minute later, in the middle of the calls below
        jdbc.sql("vacuum analyze waitlist_signup").update();
        // the dedupe job's writes are flushed now, not by a checkpoint that PostgreSQL would start
        // during the calls below (one triggered by the job's WAL did in an earlier run)
        jdbc.sql("checkpoint").update();
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        // the floor under the same clients and load: the HTTP stack and the session, no database
        latencies.add(LoadClients.measure("GET /api/auth/me (floor: no database)", port, "admin", Benchmark.ADMIN_PASSWORD,
                8, 25, 250, i -> "/api/auth/me"));
        latencies.add(LoadClients.measure(LIST_CALL, port, "admin", Benchmark.ADMIN_PASSWORD, 8, 25, 250,
                i -> "/api/waitlist?country=" + COUNTRIES[i % 12][0] + "&status=ACTIVE&sort=queuedAt,asc&size=50&page=" + (i % 5)));
        latencies.add(LoadClients.measure("GET /api/waitlist?country=..&specialty=..&sort=queuedAt,desc&size=50", port,
                "admin", Benchmark.ADMIN_PASSWORD, 8, 25, 250,
                i -> "/api/waitlist?country=" + COUNTRIES[i % 12][0] + "&specialty=" + SPECIALTIES[i % SPECIALTIES.length]
                        + "&sort=queuedAt,desc&size=50"));
    }

    /**
     * The same starting point for the reference and for the job, run before each: every sign-up NEW,
     * no entries, the tables compacted with fresh statistics, dirty pages flushed (so neither pays for
     * the other's checkpoint), and new database sessions (so neither inherits the other's cached plans,
     * e.g. the foreign-key checks' plans made while waitlist_entry was empty).
     */
    private void prepare() throws Exception {
        long start = System.nanoTime();
        jdbc.sql("update waitlist_signup set state = 'NEW', entry_id = null, duplicate_of = null").update();
        jdbc.sql("delete from waitlist_merge").update();
        jdbc.sql("delete from waitlist_possible_duplicate").update();
        jdbc.sql("delete from waitlist_entry").update();
        for (String table : List.of("waitlist_signup", "waitlist_entry", "waitlist_merge", "waitlist_possible_duplicate")) {
            jdbc.sql("vacuum full analyze " + table).update();
        }
        jdbc.sql("checkpoint").update();
        app.getBean(DataSource.class).unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        log("prepared in " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
    }

    private void generate() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        Instant start = Instant.parse("2025-11-25T00:00:00Z");
        long spanSeconds = ChronoUnit.DAYS.getDuration().getSeconds() * 365;
        int people = 0;
        StringBuilder batch = new StringBuilder(COPY_BATCH * 400);
        int inBatch = 0;
        try (Connection connection = app.getBean(DataSource.class).getConnection()) {
            PGConnection pg = connection.unwrap(PGConnection.class);
            for (int i = 0; i < size; i++) {
                boolean repeat = people > 0 && random.nextDouble() < REPEAT_SHARE;
                int person = repeat ? random.nextInt(people) : people++;
                Instant receivedAt = start.plusSeconds(spanSeconds * i / size);
                appendRow(batch, person, repeat, random, receivedAt);
                if (++inBatch == COPY_BATCH) {
                    copy(pg, batch);
                    batch.setLength(0);
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                copy(pg, batch);
            }
        }
    }

    private static void copy(PGConnection pg, StringBuilder rows) throws Exception {
        pg.getCopyAPI().copyIn("""
                copy waitlist_signup (received_at, email, full_name, country, preferred_language, time_zone, specialty,
                    source_page, message, consent_data_processing, consent_cross_border, consent_marketing,
                    consent_text_version, consent_accepted_at, client_ip_hash, user_agent, identity_key, name_key)
                from stdin (format csv)""", new StringReader(rows.toString()));
    }

    /** One person's stable facts come from a generator seeded with their number; a repeat varies the typing. */
    private static void appendRow(StringBuilder out, int person, boolean repeat, SplittableRandom random, Instant receivedAt) {
        SplittableRandom personal = new SplittableRandom(SEED * 31 + person);
        String first = name(personal, 2 + personal.nextInt(2));
        String last = name(personal, 2 + personal.nextInt(3));
        String[] country = COUNTRIES[skewed(personal, COUNTRIES.length)];
        String domain = DOMAINS[personal.nextInt(DOMAINS.length)];
        String email = first + "." + last + person + "@" + domain;
        String fullName = capitalize(first) + " " + capitalize(last);
        if (repeat) {
            email = variant(email, domain, random);
            if (random.nextInt(4) == 0) {
                fullName = fullName.toUpperCase(Locale.ROOT);
            }
        }
        String specialty = SPECIALTIES[repeat ? random.nextInt(SPECIALTIES.length) : personal.nextInt(SPECIALTIES.length)];
        String page = PAGES[repeat ? random.nextInt(PAGES.length) : personal.nextInt(PAGES.length)];
        String message = random.nextInt(10) < 3 ? "Looking for a second opinion for my relative, diagnosis in " + receivedAt.toString().substring(0, 7) : "";
        out.append(receivedAt).append(',').append(csv(email)).append(',').append(csv(fullName)).append(',')
                .append(country[0]).append(',').append(country[1]).append(',').append(country[2]).append(',')
                .append(specialty).append(',').append(page).append(',').append(csv(message)).append(",true,true,")
                .append(random.nextBoolean()).append(",2026-11,").append(receivedAt).append(',')
                .append(Long.toHexString(random.nextLong())).append(Long.toHexString(random.nextLong())).append(',')
                .append(csv(USER_AGENTS[random.nextInt(USER_AGENTS.length)])).append(',')
                .append(csv(IdentityKeys.identityKey(email))).append(',').append(csv(IdentityKeys.nameKey(fullName)))
                .append('\n');
    }

    /** How people retype their email: case, stray spaces, and for Gmail dots, tags and googlemail.com. */
    private static String variant(String email, String domain, SplittableRandom random) {
        int at = email.indexOf('@');
        String local = email.substring(0, at);
        String host = email.substring(at + 1);
        switch (random.nextInt(domain.equals("gmail.com") ? 6 : 3)) {
            case 0 -> local = local.toUpperCase(Locale.ROOT);
            case 1 -> local = " " + Character.toUpperCase(local.charAt(0)) + local.substring(1);
            case 2 -> host = host.toUpperCase(Locale.ROOT) + " ";
            case 3 -> local = local.replace(".", "");
            case 4 -> local = local + "+waitlist";
            default -> host = "googlemail.com";
        }
        return local + "@" + host;
    }

    private static int skewed(SplittableRandom random, int bound) {
        double u = random.nextDouble();
        return (int) (bound * u * u);
    }

    private static String name(SplittableRandom random, int syllables) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return name.toString();
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String csv(String value) {
        return value.isEmpty() ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }
}

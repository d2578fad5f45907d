package dev.herald.demo.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fills the demo reporting tables. The same scale, day and zone always give the same rows (one seeded
 * random source), spread around that day: orders and tickets over the 400 days before it,
 * performances from 300 days before to 120 days after, so that "last week", "last month" and "next 7
 * days" all find data. Names include accented, Greek and Cyrillic ones, and a few values that look
 * like spreadsheet formulas, as real customer data does.
 *
 * <p>Every event belongs to one promoter (at least 20 of them; each owns at least one event), and
 * every order holds tickets of one performance only, so an order, its payment and its refund belong
 * to exactly one promoter: the reports that a promoter receives rely on that (see
 * {@code BuiltInReports}).
 *
 * <p>Rows at scale 1: about 42,000 (a first start stays quick); they grow linearly with the scale
 * (429,884 at scale 10, so about ten million at 233).
 */
public final class DemoDataGenerator {

    private static final int BATCH = 1000;
    private static final int HISTORY_DAYS = 400;

    private static final String[] FIRST_NAMES = {
        "Olivia", "Amelia", "Isla", "Ava", "Noah", "Oliver", "George", "Arthur", "Zoë", "Łukasz", "Siobhán", "José",
        "Ólafur", "Chloé", "Søren", "Dmitri", "Дмитрий", "Анна", "Σοφία", "Νίκος", "Aoife", "Mohammed", "Priya", "Wei",
        "Fatima", "Hannah", "Jack", "Leo", "Grace", "Freya"
    };
    private static final String[] LAST_NAMES = {
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Ångström", "Müller", "O'Brien",
        "Kowalski", "García", "Nowak", "Петров", "Иванова", "Παπαδόπουλος", "Nguyen", "Patel", "Khan", "Murphy",
        "Byrne", "Dubois", "Rossi", "Andersen"
    };
    private static final String[] CITIES = {
        "London", "Manchester", "Leeds", "Bristol", "Glasgow", "Edinburgh", "Cardiff", "Belfast", "York", "Brighton"
    };
    private static final String[] EVENT_WORDS = {
        "Hamlet",
        "The Seagull",
        "A Midsummer Night's Dream",
        "Les Misérables",
        "The Nutcracker",
        "Carmen",
        "Swan Lake",
        "Blithe Spirit",
        "The Tempest",
        "Cabaret",
        "Matilda",
        "La Bohème",
        "Jazz at Midnight",
        "Winter Folk Night",
        "Stand-up Showcase",
        "The Gruffalo",
        "Macbeth",
        "Into the Woods",
        "Tosca",
        "Giselle",
        "Private Lives",
        "Chicago",
        "Orchestra of the Age",
        "Comedy Lab"
    };
    private static final String[] GENRES = {"Drama", "Musical", "Opera", "Dance", "Concert", "Comedy", "Family"};
    private static final String[] VENUES = {"Main House", "Studio", "Riverside Hall", "Garden Stage"};
    /**
     * The first promoters, by id (1, 2, …); the first five were the only ones before promoters had rows of
     * their own. "In-house" is the venue's own programme.
     */
    private static final String[] PROMOTERS = {
        "Northern Lights Productions",
        "Blue Door Theatre Co.",
        "Kite & Key Promotions",
        "Harbour Arts",
        "In-house",
        "Lantern Street Live",
        "Redbrick Music",
        "Saltmarsh Theatre Company",
        "Fox & Fiddle Presents",
        "Greenroom Touring",
        "Paper Moon Productions",
        "Tin Drum Promotions",
        "Wildfell Arts",
        "Éclat Dance Company",
        "Limelight Comedy",
        "Half Moon Opera",
        "Copper Beech Family Theatre",
        "Glasshouse Jazz",
        "Øresund Ensemble",
        "Sixpence Productions"
    };

    /** How many promoters there were before each had a row: the old draw of one of them is kept. */
    private static final int FIRST_PROMOTERS = 5;

    private static final long IN_HOUSE = 5;

    /** Promoters beyond the named ones (at larger scales): a word and a kind of business. */
    private static final String[] PROMOTER_WORDS = {
        "Aldgate", "Bramble", "Cinder", "Drumlin", "Ember", "Foxglove", "Gantry", "Heron", "Ivybridge", "Jetty",
        "Kingfisher", "Larch", "Marlow", "Nettle", "Oriel", "Puffin", "Quill", "Rook", "Sable", "Thistle"
    };

    private static final String[] PROMOTER_KINDS = {
        "Productions", "Promotions", "Live", "Arts", "Theatre Co.", "Presents", "Music", "Touring"
    };
    private static final String[] ATTRIBUTES = {
        "Festival", "Family", "Subscription", "Touring", "Premiere", "Accessible performance"
    };
    private static final String[] INDUSTRIES = {"Retail", "Legal", "Healthcare", "Education", "Logistics", "Finance"};
    private static final String[] COMPANY_WORDS = {
        "Acme", "Birchwood", "Cobalt", "Dunmore", "Elstree", "Fenwick", "Gladstone", "Harrow", "Ironbridge",
        "Juniper", "Kestrel", "Larkspur", "Meridian", "Northgate", "Oakley", "Pemberton", "Quayside", "Redhill",
        "Stratus", "Thornbury", "Umbra", "Valemount", "Westbrook", "Yardley", "Zenith"
    };
    private static final String[] TECHNICIANS = {
        "Alex Morgan",
        "Sam Patel",
        "Jordan Lee",
        "Chris O'Neill",
        "Maria Kowalska",
        "Tomás Ruiz",
        "Aisha Bello",
        "Ewan Fraser",
        "Hana Novák",
        "Priya Nair",
        "Ben Carter",
        "Léa Martin"
    };
    private static final String[] TEAMS = {"Service Desk", "Infrastructure", "Applications"};
    private static final String[] CATEGORIES = {
        "Network", "E-mail", "Hardware", "Software", "Access", "Printing", "Security"
    };
    private static final String[] SUBJECTS = {
        "Cannot connect to the VPN",
        "Printer on floor 3 is offline",
        "Password reset for the finance system",
        "Laptop will not start",
        "Outlook keeps asking for a password",
        "New starter needs accounts",
        "Shared drive is slow",
        "Phishing e-mail reported",
        "Monitor flickers",
        "Licence for the design software",
        "Wi-Fi drops in the meeting room",
        "=cmd|' /C calc'!A0 in a form field"
    };
    private static final String[] PRIORITIES = {"LOW", "NORMAL", "NORMAL", "NORMAL", "HIGH", "URGENT"};
    private static final String[] REGIONS = {"EU West", "EU North", "US East", "US West", "APAC"};
    private static final String[] PLANS = {"STARTER", "BUSINESS", "ENTERPRISE"};
    private static final String[] TENANT_WORDS = {
        "Aurora",
        "Beacon",
        "Cascade",
        "Delta",
        "Ember",
        "Falcon",
        "Granite",
        "Horizon",
        "Indigo",
        "Jasper",
        "Keystone",
        "Lumen",
        "Mosaic",
        "Nimbus",
        "Orchid",
        "Pioneer",
        "Quartz",
        "Radiant",
        "Summit",
        "Tidal"
    };

    private final Connection connection;
    private final int scale;
    private final LocalDate today;
    private final ZoneId zone;
    private final Random random = new Random(20261125L);

    /** For the columns added later (requester, AI assistance), so that every other value stays as it was. */
    private final Random later = new Random(20261129L);

    /** For the promoters (who they are, which events they own), so that every other value stays as it was. */
    private final Random owners = new Random(20261205L);

    private long rows;

    public DemoDataGenerator(Connection connection, int scale, LocalDate today, ZoneId zone) {
        if (scale < 1) {
            throw new IllegalArgumentException("The scale is at least 1, not " + scale);
        }
        this.connection = connection;
        this.scale = scale;
        this.today = today;
        this.zone = zone;
    }

    /** Writes every demo table and answers how many rows it wrote. The caller commits. */
    public long generate() throws SQLException {
        ticketing();
        serviceDesk();
        usage();
        return rows;
    }

    // --- venue ticketing

    private record Performance(long id, long eventId, Instant startsAt, int capacity) {}

    /** How many promoters there are: 20 at scale 1, two more for each step of scale. */
    public static int promoterCount(int scale) {
        return 18 + 2 * scale;
    }

    /** Promoter {@code id}'s name (ids from 1): a named one, then a word and a kind, numbered when those run out. */
    public static String promoterName(long id) {
        if (id <= PROMOTERS.length) {
            return PROMOTERS[(int) id - 1];
        }
        long k = id - PROMOTERS.length - 1;
        long combinations = (long) PROMOTER_WORDS.length * PROMOTER_KINDS.length;
        return PROMOTER_WORDS[(int) (k % PROMOTER_WORDS.length)] + " "
                + PROMOTER_KINDS[(int) (k / PROMOTER_WORDS.length % PROMOTER_KINDS.length)]
                + (k >= combinations ? " " + (1 + k / combinations) : "");
    }

    /** A contact at the promoter, at a domain made of its name ({@code .example}: no mail goes anywhere). */
    private static String promoterEmail(long id, String name) {
        if (id == IN_HOUSE) {
            return "programming@herald-demo-theatre.example";
        }
        String domain = plain(name.replace("&", "and"), "[^a-z0-9 ]").strip().replaceAll(" +", "-");
        // A name in another script has no letters for an address: then the box office's.
        String first = plain(FIRST_NAMES[(int) ((id * 7) % FIRST_NAMES.length)], "[^a-z]");
        String last = plain(LAST_NAMES[(int) ((id * 11) % LAST_NAMES.length)], "[^a-z]");
        String local = first.isEmpty() ? "bookings" : last.isEmpty() ? first : first + "." + last;
        return local + "@" + domain + ".example";
    }

    /** Lower case without accents (Søren: soren, Łukasz: lukasz), less what {@code drop} matches. */
    private static String plain(String text, String drop) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replace("Ø", "O")
                .replace("ø", "o")
                .replace("Ł", "L")
                .replace("ł", "l")
                .toLowerCase(Locale.ROOT)
                .replaceAll(drop, "");
    }

    /**
     * Writes the promoters and answers which promoter owns each event (index {@code event - 1}). Every
     * promoter owns at least one event (there are always more events than promoters); of the events
     * left over a third are the venue's own (in-house), the rest any promoter's. In-house productions
     * pay no fee or commission; the others mostly the standard terms (1.50 a ticket, 10 %).
     */
    private long[] promoters(int events) throws SQLException {
        int count = promoterCount(scale);
        try (Batch promoter = batch("INSERT INTO reporting.ticketing_promoter"
                + " (id, name, email, booking_fee, commission_percent) VALUES (?, ?, ?, ?, ?)")) {
            for (long id = 1; id <= count; id++) {
                String name = promoterName(id);
                int terms = owners.nextInt(10);
                String fee = id == IN_HOUSE ? "0.00" : terms < 6 ? "1.50" : terms < 8 ? "1.00" : "2.00";
                String commission = id == IN_HOUSE ? "0.00" : terms < 6 ? "10.00" : terms < 8 ? "8.00" : "12.50";
                promoter.row(id, name, promoterEmail(id, name), new BigDecimal(fee), new BigDecimal(commission));
            }
        }
        List<Long> each = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            each.add(id);
        }
        Collections.shuffle(each, owners);
        long[] owner = new long[events];
        for (int e = 0; e < events; e++) {
            owner[e] = e < count ? each.get(e) : owners.nextInt(3) == 0 ? IN_HOUSE : 1L + owners.nextInt(count);
        }
        return owner;
    }

    private void ticketing() throws SQLException {
        int events = 20 + 4 * scale;
        long[] owner = promoters(events);
        List<Performance> performances = new ArrayList<>();
        try (Batch event = batch("INSERT INTO reporting.ticketing_event (id, name, genre, venue, promoter, promoter_id,"
                        + " status) VALUES (?, ?, ?, ?, ?, ?, ?)");
                Batch attribute =
                        batch("INSERT INTO reporting.ticketing_event_attribute (event_id, attribute) VALUES (?, ?)");
                Batch performance = batch(
                        "INSERT INTO reporting.ticketing_performance (id, event_id, starts_at, capacity) VALUES (?, ?, ?, ?)")) {
            long performanceId = 1;
            for (long id = 1; id <= events; id++) {
                String name = EVENT_WORDS[(int) ((id - 1) % EVENT_WORDS.length)]
                        + (id > EVENT_WORDS.length ? " (" + (1 + (id - 1) / EVENT_WORDS.length) + ")" : "");
                // A third of the events are running now, so that "next 7 days" and "this week" find them.
                int firstDay = id % 3 == 1 ? -20 + random.nextInt(25) : -300 + random.nextInt(390);
                int count = 4 + random.nextInt(7);
                int lastDay = firstDay + (count - 1) * (1 + random.nextInt(3));
                String genre = pick(GENRES);
                String venue = pick(VENUES);
                random.nextInt(FIRST_PROMOTERS); // the promoter's old draw, so that every later value stays as it was
                long promoterId = owner[(int) id - 1];
                event.row(
                        id,
                        name,
                        genre,
                        venue,
                        promoterName(promoterId),
                        promoterId,
                        lastDay >= 0 ? "LIVE" : "ARCHIVED");
                List<String> chosen = new ArrayList<>();
                int attributes = 1 + random.nextInt(3);
                for (int a = 0; a < attributes; a++) {
                    String value = id % 3 == 0 && a == 0 ? "Festival" : pick(ATTRIBUTES);
                    if (!chosen.contains(value)) {
                        chosen.add(value);
                        attribute.row(id, value);
                    }
                }
                int capacity = 200 + 100 * random.nextInt(11);
                for (int p = 0; p < count; p++) {
                    LocalDate day = today.plusDays(firstDay + (long) p * (lastDay - firstDay) / Math.max(1, count - 1));
                    LocalTime time = random.nextInt(4) == 0 ? LocalTime.of(14, 30) : LocalTime.of(19, 30);
                    Instant startsAt = day.atTime(time).atZone(zone).toInstant();
                    performance.row(performanceId, id, utc(startsAt), capacity);
                    performances.add(new Performance(performanceId++, id, startsAt, capacity));
                }
            }
        }

        int customers = 1500 * scale;
        Instant now = today.atTime(LocalTime.of(6, 0)).atZone(zone).toInstant();
        try (Batch customer =
                batch("INSERT INTO reporting.ticketing_customer (id, first_name, last_name, email, city, postcode,"
                        + " marketing_opt_in, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (long id = 1; id <= customers; id++) {
                String first = pick(FIRST_NAMES);
                String last = pick(LAST_NAMES);
                String email = ascii(first).toLowerCase() + "." + ascii(last).toLowerCase() + id + "@example.org";
                String postcode = (char) ('A' + random.nextInt(26)) + "" + (char) ('A' + random.nextInt(26))
                        + (1 + random.nextInt(20)) + " " + random.nextInt(10) + (char) ('A' + random.nextInt(26))
                        + (char) ('A' + random.nextInt(26));
                customer.row(
                        id,
                        first,
                        last,
                        email,
                        pick(CITIES),
                        postcode,
                        random.nextInt(3) > 0,
                        utc(now.minus(Duration.ofDays(30 + random.nextInt(1500)))));
            }
        }

        int orders = 5000 * scale;
        try (Batch order = batch(
                        "INSERT INTO reporting.ticketing_order (id, customer_id, created_at, channel) VALUES (?, ?, ?, ?)");
                Batch ticket = batch(
                        "INSERT INTO reporting.ticketing_ticket (id, order_id, performance_id, price_band, price, status)"
                                + " VALUES (?, ?, ?, ?, ?, ?)");
                Batch payment =
                        batch("INSERT INTO reporting.ticketing_payment (id, order_id, paid_at, amount, method, kind)"
                                + " VALUES (?, ?, ?, ?, ?, ?)")) {
            long ticketId = 1;
            long paymentId = 1;
            for (long id = 1; id <= orders; id++) {
                Performance performance = performances.get(random.nextInt(performances.size()));
                Instant earliest = performance.startsAt().minus(Duration.ofDays(90));
                Instant latest = performance.startsAt().isBefore(now) ? performance.startsAt() : now;
                Instant floor = now.minus(Duration.ofDays(HISTORY_DAYS));
                if (earliest.isBefore(floor)) {
                    earliest = floor;
                }
                if (!latest.isAfter(earliest)) {
                    latest = earliest.plusSeconds(3600);
                }
                Instant createdAt = earliest.plusSeconds(
                        (long) (random.nextDouble() * (latest.getEpochSecond() - earliest.getEpochSecond())));
                if (createdAt.isAfter(now)) {
                    createdAt = now.minusSeconds(random.nextInt(86_400));
                }
                int channel = random.nextInt(20);
                order.row(
                        id,
                        1 + (long) random.nextInt(customers),
                        utc(createdAt),
                        channel < 12 ? "WEB" : channel < 17 ? "BOX_OFFICE" : "PHONE");
                int count = 1 + random.nextInt(4);
                BigDecimal paid = BigDecimal.ZERO;
                BigDecimal refunded = BigDecimal.ZERO;
                String band = random.nextInt(3) == 0 ? "A" : random.nextBoolean() ? "B" : "C";
                BigDecimal price =
                        switch (band) {
                            case "A" -> new BigDecimal("45.00");
                            case "B" -> new BigDecimal("32.50");
                            default -> new BigDecimal("20.00");
                        };
                for (int t = 0; t < count; t++) {
                    boolean returned = random.nextInt(25) == 0;
                    ticket.row(ticketId++, id, performance.id(), band, price, returned ? "RETURNED" : "SOLD");
                    paid = paid.add(price);
                    if (returned) {
                        refunded = refunded.add(price);
                    }
                }
                String method = method();
                payment.row(
                        paymentId++, id, utc(createdAt.plusSeconds(20 + random.nextInt(200))), paid, method, "PAYMENT");
                if (refunded.signum() > 0) {
                    Instant refundAt = createdAt.plus(Duration.ofHours(1 + random.nextInt(24 * 20)));
                    if (refundAt.isAfter(now)) {
                        refundAt = now.minusSeconds(60);
                    }
                    payment.row(paymentId++, id, utc(refundAt), refunded.negate(), method, "REFUND");
                }
            }
        }
    }

    private String method() {
        int m = random.nextInt(100);
        return m < 70 ? "CARD" : m < 80 ? "CASH" : m < 88 ? "VOUCHER" : m < 93 ? "GIFT_CARD" : "BANK_TRANSFER";
    }

    // --- service desk

    /** One of five people at the company who raise tickets. */
    private String requester(long companyId) {
        int person = later.nextInt(5);
        return FIRST_NAMES[(int) ((companyId * 7 + person * 11) % FIRST_NAMES.length)] + " "
                + LAST_NAMES[(int) ((companyId * 5 + person * 3) % LAST_NAMES.length)];
    }

    private void serviceDesk() throws SQLException {
        try (Batch company = batch("INSERT INTO reporting.servicedesk_company (id, name, industry) VALUES (?, ?, ?)");
                Batch technician =
                        batch("INSERT INTO reporting.servicedesk_technician (id, name, team) VALUES (?, ?, ?)")) {
            for (int i = 0; i < COMPANY_WORDS.length; i++) {
                company.row(
                        i + 1L,
                        COMPANY_WORDS[i] + (i % 3 == 0 ? " Ltd" : i % 3 == 1 ? " & Co." : " Group"),
                        INDUSTRIES[i % INDUSTRIES.length]);
            }
            for (int i = 0; i < TECHNICIANS.length; i++) {
                technician.row(i + 1L, TECHNICIANS[i], TEAMS[i % TEAMS.length]);
            }
        }
        int tickets = 2500 * scale;
        Instant now = today.atTime(LocalTime.of(6, 0)).atZone(zone).toInstant();
        try (Batch ticket =
                batch("INSERT INTO reporting.servicedesk_ticket (id, company_id, technician_id, subject, category,"
                        + " priority, status, opened_at, first_response_at, resolved_at, first_response_minutes,"
                        + " resolution_minutes, escalated, escalation_level, automated, sentiment, satisfaction, requester,"
                        + " ai_assisted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (long id = 1; id <= tickets; id++) {
                LocalDate day = today.minusDays(1 + random.nextInt(HISTORY_DAYS));
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    day = day.minusDays(random.nextInt(3) + 1L);
                }
                Instant openedAt = day.atTime(LocalTime.of(7 + random.nextInt(11), random.nextInt(60)))
                        .atZone(zone)
                        .toInstant();
                String priority = pick(PRIORITIES);
                boolean automated = random.nextInt(5) == 0;
                boolean escalated = !automated && random.nextInt(8) == 0;
                int firstResponse = automated
                        ? 1 + random.nextInt(3)
                        : (int) Math.round(
                                5 + Math.abs(random.nextGaussian()) * (priority.equals("URGENT") ? 20 : 120));
                boolean resolved = openedAt.plus(Duration.ofDays(2)).isBefore(now)
                        ? random.nextInt(100) < 93
                        : random.nextInt(100) < 40;
                int resolution = automated
                        ? 5 + random.nextInt(30)
                        : (int) Math.round(30 + Math.abs(random.nextGaussian()) * (escalated ? 4000 : 900));
                Instant resolvedAt = resolved ? openedAt.plus(Duration.ofMinutes(resolution)) : null;
                if (resolvedAt != null && resolvedAt.isAfter(now)) {
                    resolvedAt = null;
                }
                double sentiment = Math.max(
                        -1,
                        Math.min(1, 0.5 - resolution / 4000.0 - (escalated ? 0.4 : 0) + random.nextGaussian() * 0.3));
                Long technicianId = random.nextInt(20) == 0 ? null : 1L + random.nextInt(TECHNICIANS.length);
                String status = resolvedAt == null
                        ? (random.nextBoolean() ? "OPEN" : "IN_PROGRESS")
                        : random.nextInt(4) == 0 ? "CLOSED" : "RESOLVED";
                Instant respondedAt = openedAt.plus(Duration.ofMinutes(firstResponse));
                long companyId = 1L + random.nextInt(COMPANY_WORDS.length);
                ticket.row(
                        id,
                        companyId,
                        technicianId,
                        pick(SUBJECTS),
                        pick(CATEGORIES),
                        priority,
                        status,
                        utc(openedAt),
                        respondedAt.isAfter(now) ? null : utc(respondedAt),
                        resolvedAt == null ? null : utc(resolvedAt),
                        respondedAt.isAfter(now) ? null : firstResponse,
                        resolvedAt == null ? null : resolution,
                        escalated,
                        escalated ? 1 + random.nextInt(3) : 0,
                        automated,
                        BigDecimal.valueOf(sentiment).setScale(2, RoundingMode.HALF_UP),
                        resolvedAt != null && random.nextInt(3) > 0
                                ? (Integer) (int) Math.round(3 + sentiment * 2)
                                : null,
                        requester(companyId),
                        !automated && later.nextInt(100) < 30);
            }
        }
    }

    // --- tenant usage

    private void usage() throws SQLException {
        int tenants = 50 * scale;
        try (Batch tenant = batch(
                        "INSERT INTO reporting.usage_tenant (id, name, status, plan, region, created_at) VALUES (?, ?, ?, ?, ?, ?)");
                Batch daily = batch(
                        "INSERT INTO reporting.usage_daily (tenant_id, usage_day, active_users, voice_credits, sms_credits)"
                                + " VALUES (?, ?, ?, ?, ?)")) {
            for (long id = 1; id <= tenants; id++) {
                String name = TENANT_WORDS[(int) ((id - 1) % TENANT_WORDS.length)] + " "
                        + COMPANY_WORDS[(int) ((id - 1) / TENANT_WORDS.length % COMPANY_WORDS.length)]
                        + (id > TENANT_WORDS.length * COMPANY_WORDS.length ? " " + id : "");
                int s = random.nextInt(100);
                String status = s < 75 ? "ACTIVE" : s < 85 ? "TRIAL" : s < 95 ? "SUSPENDED" : "CLOSED";
                String plan = pick(PLANS);
                LocalDate created = today.minusDays(30 + random.nextInt(1100));
                tenant.row(
                        id,
                        name,
                        status,
                        plan,
                        pick(REGIONS),
                        utc(created.atTime(LocalTime.NOON).atZone(zone).toInstant()));
                int users =
                        switch (plan) {
                            case "STARTER" -> 3 + random.nextInt(10);
                            case "BUSINESS" -> 15 + random.nextInt(60);
                            default -> 80 + random.nextInt(400);
                        };
                LocalDate from =
                        created.isAfter(today.minusDays(HISTORY_DAYS)) ? created : today.minusDays(HISTORY_DAYS);
                LocalDate until = status.equals("CLOSED") || status.equals("SUSPENDED")
                        ? today.minusDays(20 + random.nextInt(200))
                        : today.minusDays(1);
                for (LocalDate day = from; !day.isAfter(until); day = day.plusDays(1)) {
                    boolean weekend =
                            day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
                    int active = Math.max(
                            0, (int) Math.round(users * (weekend ? 0.2 : 0.8) + random.nextGaussian() * users * 0.1));
                    BigDecimal voice = BigDecimal.valueOf(active * (2 + random.nextDouble() * 6))
                            .setScale(2, RoundingMode.HALF_UP);
                    BigDecimal sms =
                            BigDecimal.valueOf(active * random.nextDouble() * 3).setScale(2, RoundingMode.HALF_UP);
                    daily.row(id, day, active, voice, sms);
                }
            }
        }
    }

    // --- writing

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String ascii(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
        return plain.isEmpty() ? "guest" : plain;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private final List<Batch> open = new ArrayList<>();

    private Batch batch(String sql) throws SQLException {
        Batch batch = new Batch(connection.prepareStatement(sql));
        open.add(batch);
        return batch;
    }

    /**
     * One INSERT, sent in batches of {@value #BATCH} rows. Before a batch goes, the batches opened
     * before it (its parents: events before performances) send what they hold, so that foreign
     * keys always find their rows.
     */
    private final class Batch implements AutoCloseable {

        private final PreparedStatement statement;
        private int pending;

        Batch(PreparedStatement statement) {
            this.statement = statement;
        }

        private void send() throws SQLException {
            for (Batch parent : open) {
                if (parent == this) {
                    break;
                }
                parent.sendOwn();
            }
            sendOwn();
        }

        private void sendOwn() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }

        void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            statement.addBatch();
            rows++;
            if (++pending == BATCH) {
                send();
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                send();
            } finally {
                statement.close();
                open.remove(this);
            }
        }
    }
}

package id.antrean.app;

import id.antrean.auth.AccessGuard;
import id.antrean.auth.AuthHandlers;
import id.antrean.auth.AuthService;
import id.antrean.auth.DemoAccounts;
import id.antrean.auth.Devices;
import id.antrean.auth.LoginThrottle;
import id.antrean.auth.PasswordPool;
import id.antrean.auth.Passwords;
import id.antrean.auth.ThrottleConfig;
import id.antrean.backup.BackupAge;
import id.antrean.backup.Backups;
import id.antrean.bpjs.BpjsConfig;
import id.antrean.bpjs.PcareClient;
import id.antrean.bpjs.PcareReferences;
import id.antrean.bpjs.credentials.CredentialSeal;
import id.antrean.bpjs.credentials.CredentialsAdmin;
import id.antrean.bpjs.credentials.CredentialsHandlers;
import id.antrean.bpjs.credentials.FacilityBpjs;
import id.antrean.bpjs.credentials.MasterKey;
import id.antrean.bpjs.outbox.AntreanFktpClient;
import id.antrean.bpjs.outbox.OutboxGauges;
import id.antrean.bpjs.outbox.OutboxResend;
import id.antrean.bpjs.outbox.OutboxView;
import id.antrean.bpjs.outbox.OutboxWorker;
import id.antrean.bpjs.simulator.BpjsSimulator;
import id.antrean.bpjs.simulator.DemoBpjs;
import id.antrean.booking.CheckIn;
import id.antrean.booking.NoShowSweep;
import id.antrean.booking.OnlineBookings;
import id.antrean.booking.Polis;
import id.antrean.catalog.CatalogHandlers;
import id.antrean.catalog.CounterSettings;
import id.antrean.catalog.ServiceSettings;
import id.antrean.catalog.SpokenNames;
import id.antrean.closure.ClosureHandlers;
import id.antrean.closure.Closures;
import id.antrean.db.Database;
import id.antrean.db.DemoSeed;
import id.antrean.db.EmbeddedDatabase;
import id.antrean.db.Migrations;
import id.antrean.db.NodePool;
import id.antrean.db.SecretKeyFile;
import id.antrean.eligibility.EligibilityHandlers;
import id.antrean.eligibility.EligibilityService;
import id.antrean.eligibility.Roster;
import id.antrean.events.DeviceAlerts;
import id.antrean.events.EventBridge;
import id.antrean.events.EventStream;
import id.antrean.facility.FacilityContext;
import id.antrean.facility.FacilityDirectory;
import id.antrean.facility.FacilityHandlers;
import id.antrean.metrics.Metrics;
import id.antrean.metrics.MetricsRoutes;
import id.antrean.metrics.Sampling;
import id.antrean.mobilejkn.MobileJkn;
import id.antrean.notify.NotifyHandlers;
import id.antrean.notify.NotifySettingsStore;
import id.antrean.notify.NotifyWorker;
import id.antrean.notify.PhoneRegistry;
import id.antrean.profile.Letterheads;
import id.antrean.profile.ProfileHandlers;
import id.antrean.bpjs.settings.BpjsSettingsHandlers;
import id.antrean.bpjs.settings.BpjsSettingsStore;
import id.antrean.setup.FirstOperator;
import id.antrean.setup.SetupCode;
import id.antrean.setup.SetupHandlers;
import id.antrean.print.TicketPrints;
import id.antrean.track.TrackHandlers;
import id.antrean.print.TicketRenderer;
import id.antrean.queue.CounterDesk;
import id.antrean.queue.QueueBoard;
import id.antrean.queue.QueueHandlers;
import id.antrean.queue.TicketPayer;
import id.antrean.queue.TicketPayerHandlers;
import id.antrean.queue.TicketIssuer;
import id.antrean.queue.WaitEstimator;
import id.antrean.reports.ReportRenderer;
import id.antrean.reports.ReportsHandlers;
import id.antrean.staff.StaffAccounts;
import id.antrean.staff.StaffHandlers;
import id.antrean.web.ApiContract;
import id.antrean.web.ApiRouter;
import id.antrean.web.ServerDate;
import id.antrean.web.RateLimiter;
import id.antrean.web.http.ConnectionsPerAddress;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Antrean server node: the database (external or embedded, migrated, seeded on demand),
 * the event bridge, and the HTTP servers. Start-up is blocking and happens before any request is served.
 */
public final class Antrean implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Antrean.class);

    private final Vertx vertx;
    private final Database database;
    private final int port;
    private final BpjsSimulator bpjsSimulator;
    private final BpjsConfig bpjs;
    private final List<String> routes;
    private final PasswordPool passwords;
    private final NoShowSweep noShows;
    private final NotifyWorker notifications;
    private final OutboxWorker bpjsOutbox;
    private final Pool pool;
    private SetupCode.Offer setupOffer;

    private Antrean(Vertx vertx, Database database, Pool pool, int port, BpjsSimulator bpjsSimulator, BpjsConfig bpjs,
                    List<String> routes, PasswordPool passwords, NoShowSweep noShows, NotifyWorker notifications,
                    OutboxWorker bpjsOutbox) {
        this.vertx = vertx;
        this.database = database;
        this.pool = pool;
        this.port = port;
        this.bpjsSimulator = bpjsSimulator;
        this.bpjs = bpjs;
        this.routes = routes;
        this.passwords = passwords;
        this.noShows = noShows;
        this.notifications = notifications;
        this.bpjsOutbox = bpjsOutbox;
    }

    /** Every HTTP route this node serves, as {@code "METHOD /path/:param"} (e.g. for access tests). */
    public List<String> routes() {
        return routes;
    }

    public static Antrean start(AppConfig config, Clock clock) throws Exception {
        // PostgreSQL keeps microseconds: so does every time the server hands out.
        Clock micros = Clock.tick(clock, Duration.ofNanos(1_000));
        Metrics metrics = config.metricsToken() == null ? Metrics.off() : Metrics.prometheus();
        Vertx vertx = NodeMetrics.vertx(new VertxOptions().setPreferNativeTransport(true), metrics);
        Database database = null;
        try {
            // Built on workers while the database starts and migrates: a second or more of CPU on a cold JVM that
            // needs no database, once for every HTTP instance (issue #18).
            Future<ApiContract> contract = ApiContract.load(vertx);
            database = config.databaseUrl() == null
                    ? EmbeddedDatabase.start(config.dataDir(), config.embeddedDbPort())
                    : Database.fromUrl(config.databaseUrl());
            Migrations.apply(database);
            if (config.demo()) {
                DemoSeed.apply(database);
                DemoAccounts.ensure(database, DemoSeed.FACILITY, config.auth());
            }
            MasterKey key = config.secretKey() != null ? config.secretKey()
                    : MasterKey.parse(SecretKeyFile.readOrCreate(config.dataDir()),
                            config.dataDir().resolve(SecretKeyFile.NAME).toString());
            // No operator yet (a first start, or an upgrade from before operators): offer the one-time setup.
            SetupCode.Offer offer = SetupCode.prepare(database, config.setupCode()).orElse(null);
            if (offer != null) {
                LOG.info("No operator yet: set up at /console/setup with the setup code {}",
                        offer.fromEnvironment() ? "(set by SETUP_CODE)" : offer.code());
            }
            Antrean node = startNode(config, micros, vertx, metrics, contract, database, key);
            node.setupOffer = offer;
            return node;
        } catch (Exception | Error e) {
            closeVertx(vertx);
            if (database != null) {
                database.close();
            }
            throw e;
        }
    }

    private static void closeVertx(Vertx vertx) {
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (RuntimeException | TimeoutException e) {
            LOG.warn("While stopping after a failed start: {}", e.toString());
        }
    }

    private static Antrean startNode(AppConfig config, Clock clock, Vertx vertx, Metrics metrics,
                                     Future<ApiContract> contract, Database database, MasterKey key) {
        Pool pool = NodePool.open(vertx, database, config.dbPoolSize(), config.httpInstances());
        FacilityDirectory directory = new FacilityDirectory(pool);
        EventBridge bridge = new EventBridge(vertx, pool, database.connectOptions(), metrics, directory::code);
        bridge.start().await();
        WaitEstimator estimator = new WaitEstimator(pool, clock);
        QueueBoard board = new QueueBoard(pool, estimator, clock);
        Roster roster = new Roster(vertx, pool, clock);
        BpjsConfig bpjs = config.bpjs();
        BpjsSimulator simulator = null;
        if (bpjs == null && config.demo()) {
            simulator = DemoBpjs.start(vertx, clock).await();
            bpjs = DemoBpjs.config(simulator);
        }
        FacilityBpjs facilityBpjs = new FacilityBpjs(pool, new CredentialSeal(key), bpjs, clock);
        EligibilityService eligibility = new EligibilityService(
                bpjs == null ? null : new PcareClient(vertx, facilityBpjs, clock, metrics), roster, pool, clock,
                config.eligibilityNegativeTtl());
        ThrottleConfig limits = config.throttle();
        // One pool for every bcrypt of this node; one failed-login throttle per login surface.
        PasswordPool passwords = new PasswordPool(vertx, new Passwords(config.auth().bcryptCost()),
                limits.bcryptThreads(), limits.bcryptQueue());
        AuthService auth = new AuthService(pool, passwords, new LoginThrottle(limits.loginFailuresPerAccount(),
                limits.loginFailuresPerAddress(), clock), config.auth().tokenLifetime(), clock);
        OnlineBookings bookings = new OnlineBookings(pool, eligibility, estimator, clock);
        CheckIn checkIn = new CheckIn(pool, board, clock);
        OutboxWorker bpjsOutbox = null;
        if (bpjs != null && bpjs.antreanBaseUrl() != null) {
            bpjsOutbox = new OutboxWorker(vertx, pool, new AntreanFktpClient(vertx, facilityBpjs, clock, metrics), clock);
            bpjsOutbox.start();
        }
        NoShowSweep noShows = new NoShowSweep(vertx, pool, clock);
        noShows.start();
        NotifySettingsStore notifySettings = new NotifySettingsStore(pool, new CredentialSeal(key),
                config.notifyWebhookUrl(), clock);
        PhoneRegistry phones = new PhoneRegistry(pool, notifySettings, clock);
        NotifyWorker notifications = new NotifyWorker(vertx, pool, notifySettings, phones, clock);
        notifications.start();
        MobileJkn mobileJkn = new MobileJkn(pool, directory, new Polis(pool), bookings, passwords,
                new RateLimiter(config.auth().mobileJknRateLimit(), clock),
                new LoginThrottle(limits.loginFailuresPerAccount(), limits.loginFailuresPerAddress(), clock), clock);
        QueueHandlers queue = new QueueHandlers(new TicketIssuer(pool, eligibility, clock),
                new CounterDesk(pool, clock), board, config.publicUrl());
        EligibilityHandlers eligibilityChecks = new EligibilityHandlers(eligibility, roster,
                (facility, card) -> checkIn.bookedToday(facility, card).compose(list -> list.isEmpty()
                        ? io.vertx.core.Future.succeededFuture((io.vertx.core.json.JsonObject) null)
                        : board.describe(facility, list.get(0))), directory);
        Closures closures = new Closures(pool, clock);
        AuthHandlers logins = new AuthHandlers(auth, new Devices(pool, clock),
                new RateLimiter(config.auth().loginRateLimit(), clock), pool, clock);
        TicketRenderer tickets = new TicketRenderer();
        ApiRouter.Parts api = new ApiRouter.Parts(
                List.of(new ServerDate(clock),
                        new AccessGuard(auth, new RateLimiter(limits.deviceRateLimit(), clock), directory),
                        new FacilityContext(directory)),
                new DatabaseHealth(pool, database),
                // Mobile JKN first: its paths read their own bodies, whatever else they look like.
                List.of(mobileJkn, logins, new FacilityHandlers(directory, closures::closedToday, clock), queue, checkIn, eligibilityChecks,
                        new TicketPayerHandlers(new TicketPayer(pool, eligibility, clock)),
                        new EventStream(pool, board::board, estimator::screenPaces,
                                config.http().idleTimeoutSeconds(), metrics),
                        new TicketPrints(vertx, board, estimator, new Letterheads(pool), tickets,
                                config.publicUrl()),
                        new TrackHandlers(pool, directory, estimator,
                                new RateLimiter(config.trackRateLimit(), clock), config.http().idleTimeoutSeconds(), clock),
                        new DeviceAlerts(pool, clock), new OutboxView(pool, clock), new OutboxResend(pool, clock),
                        new ReportsHandlers(vertx, pool, new ReportRenderer(), clock),
                        new CredentialsHandlers(new CredentialsAdmin(pool, new CredentialSeal(key), facilityBpjs, clock),
                                facilityBpjs, new PcareReferences(vertx, clock, metrics), clock),
                        new SetupHandlers(new FirstOperator(pool, passwords, new LoginThrottle(
                                limits.loginFailuresPerAccount(), limits.loginFailuresPerAddress(), clock), clock)),
                        new ProfileHandlers(pool, clock),
                        new BpjsSettingsHandlers(new BpjsSettingsStore(pool, clock)),
                        new NotifyHandlers(notifySettings, phones),
                        new CatalogHandlers(new ServiceSettings(pool, clock), new CounterSettings(pool, clock), SpokenNames.ofDisplay()),
                        new ClosureHandlers(closures),
                        new StaffHandlers(new StaffAccounts(pool, passwords, clock)),
                        Backups.start(vertx, pool, database, config.backups(), clock),
                        new MetricsRoutes(metrics, config.metricsToken())));
        if (metrics.enabled()) {
            Sampling.start(vertx, NodeMetrics.SAMPLE_EVERY,
                    List.of(new OutboxGauges(pool, metrics), new BackupAge(pool, metrics, clock)));
        }

        // One deployment of several instances: they share the port, even a random one (PORT=0).
        AtomicInteger bound = new AtomicInteger();
        AtomicReference<List<String>> routes = new AtomicReference<>();
        ConnectionsPerAddress perAddress = new ConnectionsPerAddress(config.http().connectionsPerAddress());
        ApiContract shared = contract.await();
        vertx.deployVerticle(() -> new ApiVerticle(shared, api, config.port(), config.http(), perAddress, bound::set,
                        router -> routes.set(ApiRouter.describe(router))),
                new DeploymentOptions().setInstances(config.httpInstances())).await();
        int port = bound.get();
        // Once the node listens, not before: the first ticket of the day still finds them read.
        vertx.executeBlocking(() -> {
            tickets.prepare();
            return null;
        }, false).onFailure(e -> LOG.warn("Could not read the ticket templates: {}", e.toString()));
        return new Antrean(vertx, database, pool, port, simulator, bpjs, routes.get(), passwords, noShows, notifications,
                bpjsOutbox);
    }

    public int port() {
        return port;
    }

    /** The pool every request's statements run on. */
    public Pool pool() {
        return pool;
    }

    public Database database() {
        return database;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The in-process BPJS simulator of the demo; null when BPJS is real or not configured. */
    public BpjsSimulator bpjsSimulator() {
        return bpjsSimulator;
    }

    /** Where this node runs bcrypt (for tests: how many checks ran, how many at once). */
    public PasswordPool passwords() {
        return passwords;
    }

    /** The minutely sweep that turns bookings never checked in into no-shows (tests run it on their own clock). */
    public NoShowSweep noShowSweep() {
        return noShows;
    }

    /** Sends patients' messages and forgets their numbers when the day is over (tests run the sweep on their clock). */
    public NotifyWorker notifications() {
        return notifications;
    }

    /** What tells BPJS about the queue; empty when no BPJS Antrean service is configured. */
    public java.util.Optional<OutboxWorker> bpjsOutbox() {
        return java.util.Optional.ofNullable(bpjsOutbox);
    }

    /** The first setup's code on offer at start; null once an operator exists (nothing to print). */
    public SetupCode.Offer setupOffer() {
        return setupOffer;
    }

    /** How BPJS is reached; null when it is not configured. */
    public BpjsConfig bpjs() {
        return bpjs;
    }

    @Override
    public void close() {
        try {
            // Closing Vert.x closes the pool and the event subscriber; bounded, as the database may be gone.
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (RuntimeException | TimeoutException e) {
            LOG.warn("While stopping the server: {}", e.toString());
        }
        try {
            database.close();
        } catch (Exception e) {
            LOG.warn("While stopping the database: {}", e.toString());
        }
    }
}

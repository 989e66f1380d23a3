package cn.nantong.livingcircle.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.FormatException;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.string.UTF8;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication of the embedded Bolt connector: who may connect, with which password, and where it may listen.
 *
 * <p>The password of the Bolt user {@code neo4j} is either configured ({@code circle.embedded.bolt-password}) or
 * generated on the first start (SecureRandom) and kept in {@code <data-dir>/bolt-password}, created owner-only
 * ({@code rw-------}) in one step, and reused on later starts.
 *
 * <p>How the password reaches the DBMS without a window in which the default {@code neo4j/neo4j} login works over
 * Bolt: before every start {@link #writeInitialPassword} writes Neo4j's own {@code data/dbms/auth.ini} (what
 * {@code neo4j-admin dbms set-initial-password} writes). Neo4j applies it while it initialises the system database,
 * before the Bolt connector accepts connections: on a new store, and on an existing store whose only user is still
 * {@code neo4j} with the default password (a data directory of an older build that ran with authentication off).
 * After the start {@link #ensurePassword} checks the stored credential through the embedded API and, only if it
 * differs (the configured password changed, or the password file was replaced), sets it with
 * {@code ALTER USER ... CHANGE NOT REQUIRED} on the system database.
 */
final class EmbeddedBoltSecurity {

    static final String USER = "neo4j";
    static final String PASSWORD_FILE = "bolt-password";
    static final int GENERATED_PASSWORD_LENGTH = 40;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBoltSecurity.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    /** Neo4j's default minimum ({@code dbms.security.auth_minimum_password_length}). */
    private static final int MIN_PASSWORD_LENGTH = 8;

    /** The Bolt login of the application; {@link #toString()} never shows the password. */
    record Credentials(String username, String password, boolean generated) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***, generated=" + generated + "]";
        }
    }

    private EmbeddedBoltSecurity() {
    }

    /**
     * The application's Bolt login: the configured password, else the stored one, else a new one (stored).
     * Refuses a non-loopback Bolt address without a configured password, before anything is written or started.
     */
    static Credentials credentials(EmbeddedNeo4jProperties properties) {
        if (!isLoopback(properties.boltAddress()) && !properties.hasExplicitBoltPassword()) {
            throw new IllegalStateException("Refusing to start the embedded Neo4j: circle.embedded.bolt-address="
                    + properties.boltAddress() + " is not a loopback address (127.0.0.0/8, ::1, localhost), so "
                    + "other machines could reach the database, and no explicit password is configured. Bind Bolt to "
                    + "127.0.0.1, or set circle.embedded.bolt-password (CIRCLE_BOLT_PASSWORD) to a password of at "
                    + "least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (properties.hasExplicitBoltPassword()) {
            if (properties.boltPassword().codePoints().count() < MIN_PASSWORD_LENGTH) {
                throw new IllegalStateException("circle.embedded.bolt-password must have at least "
                        + MIN_PASSWORD_LENGTH + " characters");
            }
            return new Credentials(USER, properties.boltPassword(), false);
        }
        return new Credentials(USER, storedOrNewPassword(properties.dataDir().toAbsolutePath()), true);
    }

    /** 127.0.0.0/8, ::1 and {@code localhost}; a host name is never resolved (DNS decides nothing here). */
    static boolean isLoopback(String address) {
        String host = address == null ? "" : address.strip();
        if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (!IPV4_LITERAL.matcher(host).matches() && !IPV6_LITERAL.matcher(host).matches()) {
            return false;
        }
        try {
            // A literal address: getByName only parses it.
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The password in {@code <home>/bolt-password}; on the first start a new one, in a file created owner-only. */
    static String storedOrNewPassword(Path home) {
        Path file = home.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                return readPassword(file);
            }
            Files.createDirectories(home);
            String password = generatePassword();
            boolean posix = home.getFileSystem().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] ownerOnly = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            // Created with its permissions in one step, written in full, then renamed: the file is never readable
            // by others, and never seen half written.
            Path temporary = Files.createTempFile(home, "." + PASSWORD_FILE, ".tmp", ownerOnly);
            try {
                try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.UTF_8)));
                    channel.force(true);
                }
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            if (!posix) {
                log.warn("{} is not on a POSIX file system: restrict its permissions to the service user", file);
            }
            log.info("Generated the embedded Bolt password of user '{}' in {}", USER, file);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the embedded Bolt password file " + file, e);
        }
    }

    private static String readPassword(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.equals(permissions)) {
                log.warn("{} had permissions {}; restricting them to rw-------", file,
                        PosixFilePermissions.toString(permissions));
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException(file + " holds no usable password (fewer than " + MIN_PASSWORD_LENGTH
                    + " characters); delete it to have a new one generated on the next start");
        }
        return password;
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[GENERATED_PASSWORD_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(password);
    }

    /** The {@code auth.ini} Neo4j reads at start for the initial password of {@code neo4j}, under {@code home}. */
    static Path initialPasswordFile(Path home) {
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build();
        return CommunitySecurityModule.getInitialUserRepositoryFile(config);
    }

    /** Writes {@code auth.ini} (a salted hash, as {@code neo4j-admin dbms set-initial-password} does) before a start. */
    static void writeInitialPassword(Path home, Credentials credentials) {
        Path authIni = initialPasswordFile(home);
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            Files.createDirectories(authIni.getParent());
            Files.deleteIfExists(authIni);
            FileUserRepository repository =
                    new FileUserRepository(fs, authIni, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            repository.start();
            repository.create(new User(credentials.username(), null, SystemGraphCredential.createCredentialForPassword(
                    UTF8.encode(credentials.password()), new SecureHasher()), false, false));
            repository.shutdown();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write the initial Neo4j password file " + authIni, e);
        }
    }

    /**
     * After the start: makes the stored credential of {@code neo4j} the application's (only when it differs) and
     * removes {@code auth.ini}, which has done its work.
     */
    static void ensurePassword(DatabaseManagementService dbms, Path home, Credentials credentials) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        boolean exists;
        boolean current;
        try (Transaction tx = system.beginTx()) {
            Node user = tx.findNode(Label.label("User"), "name", credentials.username());
            exists = user != null;
            current = exists && !Boolean.TRUE.equals(user.getProperty("passwordChangeRequired", Boolean.FALSE))
                    && matches(user.getProperty("credentials", null), credentials.password());
        }
        if (!current) {
            log.info("Setting the embedded Bolt password of user '{}'", credentials.username());
            // administration commands run on the system database; the user name is a parameter like the password
            system.executeTransactionally(exists
                    ? "ALTER USER $user SET PASSWORD $password CHANGE NOT REQUIRED"
                    : "CREATE USER $user SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("user", credentials.username(), "password", credentials.password()));
        }
        try {
            Files.deleteIfExists(initialPasswordFile(home));
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", initialPasswordFile(home), e.toString());
        }
    }

    private static boolean matches(Object serialized, String password) {
        if (!(serialized instanceof String text)) {
            return false;
        }
        try {
            return SystemGraphCredential.deserialize(text, new SecureHasher()).matchesPassword(UTF8.encode(password));
        } catch (FormatException e) {
            return false;
        }
    }
}

package io.tvarr.app;

import io.tvarr.domain.account.port.out.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The {@link PasswordHasher} port through Bouncy Castle's Argon2id, stored in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, unpadded base64) so the parameters can grow later and old
 * hashes still verify. The defaults are OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane.
 *
 * <p>Players log in with every API call and stream, and each Argon2 run takes 19 MiB and tens of milliseconds: at
 * most two run at once (so logins cannot take the heap), and a password once verified against a hash is
 * remembered, as a SHA-256 under a key made at start, for the next 4096 distinct logins. Wrong passwords are never
 * remembered, so guessing still pays for Argon2 each time.
 */
final class Argon2PasswordHasher implements PasswordHasher {
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private static final int REMEMBERED = 4096;

    private final SecureRandom random = new SecureRandom();
    private final int memoryKib;
    private final int iterations;
    private final Semaphore running = new Semaphore(2);
    private final byte[] memoKey = new byte[32];
    private final Map<String, Boolean> verified = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    Argon2PasswordHasher() {
        this(19 * 1024, 2);
    }

    Argon2PasswordHasher(int memoryKib, int iterations) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        random.nextBytes(memoKey);
    }

    @Override
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return phc(salt, derive(password, salt, memoryKib, iterations, 1, HASH_BYTES));
    }

    /**
     * Random bytes where the derived hash would be, in the current parameters: checking a password against it runs
     * Argon2 in full, as against a real hash, and none matches (one chance in 2^256); making it runs nothing, where
     * two decoys hashed at start cost every start of tvarr two Argon2 runs.
     */
    @Override
    public String decoyHash() {
        byte[] salt = new byte[SALT_BYTES];
        byte[] hash = new byte[HASH_BYTES];
        random.nextBytes(salt);
        random.nextBytes(hash);
        return phc(salt, hash);
    }

    private String phc(byte[] salt, byte[] hash) {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(hash);
    }

    @Override
    public boolean matches(String password, String stored) {
        String memo = memo(password, stored);
        if (verified.containsKey(memo)) {
            return true;
        }
        boolean matches = verify(password, stored);
        if (matches) {
            verified.put(memo, Boolean.TRUE);
        }
        return matches;
    }

    private boolean verify(String password, String stored) {
        Matcher phc = PHC.matcher(stored);
        if (!phc.matches()) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(phc.group(4));
            expected = Base64.getDecoder().decode(phc.group(5));
        } catch (IllegalArgumentException e) {
            return false; // not base64 after all: a hash this class did not write
        }
        byte[] actual = derive(
                password,
                salt,
                Integer.parseInt(phc.group(1)),
                Integer.parseInt(phc.group(2)),
                Integer.parseInt(phc.group(3)),
                expected.length);
        return MessageDigest.isEqual(actual, expected);
    }

    /** Names a (password, hash) pair without holding the password: SHA-256 under this instance's random key. */
    private String memo(String password, String stored) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(memoKey);
            sha.update(stored.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        running.acquireUninterruptibly();
        try {
            return argon2(password, salt, memoryKib, iterations, lanes, length);
        } finally {
            running.release();
        }
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(lanes)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}

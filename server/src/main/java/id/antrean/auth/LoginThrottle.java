package id.antrean.auth;

import id.antrean.web.ErrorCode;
import id.antrean.web.Problem;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Limits failed logins per account and per client address (see {@link FailureCounter} for the pace), and refuses
 * an attempt that must wait before it costs a database query or a bcrypt: 429 {@code RATE_LIMITED} with
 * {@code Retry-After}. Only wrong credentials count; a successful login starts its account afresh.
 *
 * <p>The address's limit is the looser one and counts the failures of every account from there, so a password
 * spray from one address is slowed down while one account under attack (its failures held to a few a minute by
 * its own limit) never makes the address wait: the colleagues behind the same proxy keep logging in. A refused
 * attempt is not counted anywhere. One throttle per login surface (staff, Mobile JKN), in this node's memory.
 */
public final class LoginThrottle {
    private final FailureCounter accounts;
    private final FailureCounter addresses;

    /** @param failuresPerAccount failures a minute of one account, 0 = off; likewise per address */
    public LoginThrottle(int failuresPerAccount, int failuresPerAddress, Clock clock) {
        this.accounts = new FailureCounter(failuresPerAccount, clock);
        this.addresses = new FailureCounter(failuresPerAddress, clock);
    }

    /**
     * Runs a login unless its account or address must wait.
     *
     * @param account          the account tried, as the login surface names it (never null)
     * @param address          the client's address
     * @param login            the check itself (a query and a bcrypt)
     * @param wrongCredentials which of its failures are a wrong credential (others — a database away, a full
     *                         password pool — are not the caller's failures and are not counted)
     */
    public <T> Future<T> attempt(String account, String address, Supplier<Future<T>> login,
                                 Predicate<Throwable> wrongCredentials) {
        FailureCounter.Receipt accountReceipt;
        FailureCounter.Receipt addressReceipt;
        synchronized (this) {
            long wait = Math.max(accounts.waitMillis(account), addresses.waitMillis(address));
            if (wait > 0) {
                return Future.failedFuture(Problem.retryAfter(ErrorCode.RATE_LIMITED, (int) ((wait + 999) / 1000)));
            }
            accountReceipt = accounts.count(account);
            addressReceipt = addresses.count(address);
        }
        Future<T> result;
        try {
            result = login.get();
        } catch (RuntimeException e) {
            result = Future.failedFuture(e);
        }
        return result.onComplete(ar -> {
            synchronized (this) {
                if (ar.succeeded()) {
                    accounts.forget(account);
                    addresses.refund(addressReceipt);
                } else if (!wrongCredentials.test(ar.cause())) {
                    accounts.refund(accountReceipt);
                    addresses.refund(addressReceipt);
                }
            }
        });
    }
}

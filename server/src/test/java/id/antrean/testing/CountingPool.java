package id.antrean.testing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool that counts the statements sent through it (its own and its connections' {@code query} and
 * {@code preparedQuery}, transactions included), to assert that a piece of work costs a bounded number of them.
 */
public final class CountingPool {
    private final Pool pool;
    private final AtomicInteger statements = new AtomicInteger();

    public CountingPool(Pool real) {
        this.pool = (Pool) Proxy.newProxyInstance(Pool.class.getClassLoader(), new Class<?>[] {Pool.class},
                counting(real));
    }

    public Pool pool() {
        return pool;
    }

    /** Statements sent since the last call (and resets the count). */
    public int take() {
        return statements.getAndSet(0);
    }

    private InvocationHandler counting(Object real) {
        return (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("query") || name.equals("preparedQuery")) {
                statements.incrementAndGet();
            }
            if (method.isDefault() && proxy instanceof Pool) {
                // withTransaction and withConnection: through getConnection below, so their statements count too.
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            Object result = invoke(method, real, args);
            if (name.equals("getConnection")) {
                return ((Future<?>) result).map(c -> (SqlConnection) Proxy.newProxyInstance(
                        SqlConnection.class.getClassLoader(), new Class<?>[] {SqlConnection.class}, counting(c)));
            }
            return result;
        };
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

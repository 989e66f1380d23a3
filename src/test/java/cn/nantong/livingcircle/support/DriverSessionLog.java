package cn.nantong.livingcircle.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the application's real {@link Driver} and writes down every session anything opens on it (Neo4jSessions,
 * Spring Data Neo4j's transaction manager, Neo4jClient outside a transaction, Spring Boot's health indicator): its
 * access mode, whether a managed write ({@code executeWrite}) ran in it, and the application code that asked for
 * it. The driver underneath is untouched, so the server still sees (and enforces) the access modes the application
 * chose; only the bookkeeping is added.
 */
public final class DriverSessionLog implements BeanPostProcessor {

    private static final Set<String> SESSION_METHODS = Set.of("session", "asyncSession", "rxSession",
            "reactiveSession");
    private static final Set<String> WRITE_METHODS = Set.of("executeWrite", "executeWriteWithoutResult",
            "writeTransaction");

    private final List<Opened> opened = new CopyOnWriteArrayList<>();

    /** One session: the access mode it was opened with and who opened it. */
    public record Opened(String method, AccessMode mode, String openedBy, AtomicBoolean managedWrite) {

        /** Read access, and no managed write in it (which would route to the leader whatever the default mode). */
        public boolean readOnly() {
            return mode == AccessMode.READ && !managedWrite.get();
        }

        @Override
        public String toString() {
            return method + " " + mode + (managedWrite.get() ? " +executeWrite" : "") + " by " + openedBy;
        }
    }

    /** A position in the log: {@link #since(int)} returns what was opened after it. */
    public int mark() {
        return opened.size();
    }

    public List<Opened> since(int mark) {
        return List.copyOf(opened.subList(mark, opened.size()));
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Driver driver && !Proxy.isProxyClass(bean.getClass())) {
            return Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] {Driver.class},
                    new Recording(driver));
        }
        return bean;
    }

    private final class Recording implements InvocationHandler {

        private final Driver driver;

        Recording(Driver driver) {
            this.driver = driver;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("equals") && args != null && args.length == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode") && (args == null || args.length == 0)) {
                return System.identityHashCode(proxy);
            }
            Object result = delegate(driver, method, args);
            if (SESSION_METHODS.contains(method.getName())) {
                Opened entry = new Opened(method.getName(), mode(args), caller(), new AtomicBoolean());
                opened.add(entry);
                if (result instanceof Session session && method.getReturnType().isInstance(session)) {
                    return Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                            (p, m, a) -> {
                                if (WRITE_METHODS.contains(m.getName())) {
                                    entry.managedWrite().set(true);
                                }
                                return delegate(session, m, a);
                            });
                }
            }
            else if (method.getName().equals("executableQuery")) {
                // the driver opens its own sessions for these, out of sight: count it as not read-only
                opened.add(new Opened("executableQuery", null, caller(), new AtomicBoolean()));
            }
            return result;
        }
    }

    private static Object delegate(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

    /** The mode of the session's config; a session without one is a WRITE session (the driver's default). */
    private static AccessMode mode(Object[] args) {
        if (args != null) {
            for (Object arg : args) {
                if (arg instanceof SessionConfig config) {
                    return config.defaultAccessMode();
                }
            }
        }
        return AccessMode.WRITE;
    }

    /** The application's frames nearest the call, after the framework class that opened it if it was not ours. */
    private static String caller() {
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("com.sun.proxy")
                    || type.contains("$Proxy") || type.startsWith(DriverSessionLog.class.getName())) {
                continue;
            }
            if (type.startsWith("cn.nantong.livingcircle.")) {
                if (!type.contains("$$")) {
                    frames.add(type.substring("cn.nantong.livingcircle.".length()) + "." + frame.getMethodName());
                }
            }
            else if (frames.isEmpty() && !type.startsWith("org.springframework.aop")
                    && !type.startsWith("org.springframework.transaction") && !type.startsWith("org.neo4j.driver")
                    && !type.startsWith("org.springframework.data.neo4j")) {
                frames.add(type + "." + frame.getMethodName());
            }
            if (frames.size() == 3) {
                break;
            }
        }
        return String.join(" < ", frames);
    }
}

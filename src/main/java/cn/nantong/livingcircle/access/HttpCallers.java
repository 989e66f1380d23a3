package cn.nantong.livingcircle.access;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import cn.nantong.livingcircle.api.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The {@link Caller} of a plain HTTP request (downloads), established exactly as {@link CallerInterceptor} does for
 * GraphQL, so one key or one anonymous address spends from one budget whichever endpoint it calls.
 */
public final class HttpCallers {

    private HttpCallers() {
    }

    public static Caller of(HttpServletRequest request) {
        return CallerInterceptor.caller(SecurityContextHolder.getContext().getAuthentication(), remote(request));
    }

    private static InetSocketAddress remote(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null) {
            return null;
        }
        try {
            // getRemoteAddr is a numeric literal (after RemoteIpValve), so this parses and never resolves a name
            return new InetSocketAddress(InetAddress.getByName(address), request.getRemotePort());
        }
        catch (UnknownHostException ex) {
            return InetSocketAddress.createUnresolved(address, request.getRemotePort());
        }
    }
}

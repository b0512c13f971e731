package dev.posctl.http;

import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY as curl reads them (lower-case names too), which
 * java.net.http ignores by itself. Credentials in the proxy URL answer the proxy's 407.
 */
public final class ProxySettings {
    private final URI https;
    private final URI http;
    private final List<String> noProxy;

    private ProxySettings(URI https, URI http, List<String> noProxy) {
        this.https = https;
        this.http = http;
        this.noProxy = noProxy;
    }

    public static ProxySettings fromEnvironment(Map<String, String> vars) {
        URI https = proxyUri(vars, "HTTPS_PROXY");
        URI http = proxyUri(vars, "HTTP_PROXY");
        List<String> no = new ArrayList<>();
        String list = variable(vars, "NO_PROXY");
        if (list != null) {
            for (String s : list.split(",")) {
                String h = s.trim().toLowerCase(Locale.ROOT);
                if (!h.isEmpty()) {
                    no.add(h);
                }
            }
        }
        return new ProxySettings(https, http, no);
    }

    public boolean isEmpty() {
        return https == null && http == null;
    }

    /** The proxy for a request URI, or null for a direct connection. */
    public URI proxyFor(URI target) {
        URI proxy = "https".equalsIgnoreCase(target.getScheme()) ? https : http;
        if (proxy == null || target.getHost() == null || bypassed(target.getHost().toLowerCase(Locale.ROOT), target.getPort())) {
            return null;
        }
        return proxy;
    }

    private boolean bypassed(String host, int port) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            String e = entry;
            int colon = e.lastIndexOf(':');
            if (colon > 0 && !e.contains("]") && e.indexOf(':') == colon) {
                if (!e.substring(colon + 1).equals(String.valueOf(port))) {
                    continue;
                }
                e = e.substring(0, colon);
            }
            e = e.startsWith("*.") ? e.substring(1) : e;
            String bare = e.startsWith(".") ? e.substring(1) : e;
            if (h.equals(bare) || h.endsWith("." + bare)) {
                return true;
            }
        }
        return false;
    }

    /** Points the builder at the proxies and their credentials; a no-op when none are set. */
    public HttpClient.Builder apply(HttpClient.Builder builder) {
        if (isEmpty()) {
            return builder;
        }
        builder.proxy(new Selector());
        if (hasCredentials(https) || hasCredentials(http)) {
            builder.authenticator(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    if (getRequestorType() != RequestorType.PROXY) {
                        return null;
                    }
                    for (URI p : new URI[] {https, http}) {
                        if (hasCredentials(p) && p.getHost().equalsIgnoreCase(getRequestingHost()) && port(p) == getRequestingPort()) {
                            return credentials(p);
                        }
                    }
                    return null;
                }
            });
        }
        return builder;
    }

    private final class Selector extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            URI p = proxyFor(uri);
            return List.of(p == null ? Proxy.NO_PROXY
                : new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.getHost(), port(p))));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // the request fails with its own message; nothing to remember
        }
    }

    private static boolean hasCredentials(URI p) {
        return p != null && p.getRawUserInfo() != null;
    }

    private static PasswordAuthentication credentials(URI p) {
        String info = p.getRawUserInfo();
        int colon = info.indexOf(':');
        String user = URLDecoder.decode(colon < 0 ? info : info.substring(0, colon), StandardCharsets.UTF_8);
        String pass = colon < 0 ? "" : URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8);
        return new PasswordAuthentication(user, pass.toCharArray());
    }

    private static int port(URI p) {
        return p.getPort() > 0 ? p.getPort() : "https".equalsIgnoreCase(p.getScheme()) ? 443 : 80;
    }

    private static String variable(Map<String, String> vars, String name) {
        String v = vars.get(name);
        if (v == null || v.isEmpty()) {
            v = vars.get(name.toLowerCase(Locale.ROOT));
        }
        return v == null || v.isEmpty() ? null : v.trim();
    }

    private static URI proxyUri(Map<String, String> vars, String name) {
        String v = variable(vars, name);
        if (v == null) {
            return null;
        }
        try {
            URI u = new URI(v.contains("://") ? v : "http://" + v);
            if (u.getHost() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException("not an http:// proxy URL");
            }
            return u;
        } catch (Exception e) {
            // the value may carry a password: name the variable, not its value
            throw new PosctlException(ExitCode.CONFIG, name + " is not a proxy URL such as http://proxy.example:3128");
        }
    }
}

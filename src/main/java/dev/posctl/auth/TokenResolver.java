package dev.posctl.auth;

import dev.posctl.config.ConfigKey;
import dev.posctl.config.Profile;
import dev.posctl.core.Environment;
import dev.posctl.core.ExitCode;
import dev.posctl.core.IoReasons;
import dev.posctl.core.PosctlException;
import dev.posctl.http.ProxySettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Finds the access token a command sends, first match wins: {@code --token}, {@code --token-file},
 * {@code POSCTL_TOKEN}, {@code POSCTL_TOKEN_FILE}, the profile's tokenFile, its tokenCommand, then
 * the signed-in cache (refreshed when it expires within five minutes). Each source gives the first
 * non-empty line of its value, trimmed, and {@link BearerToken} refuses one that is no token.
 */
public final class TokenResolver {
    public static final String TOKEN_VARIABLE = "POSCTL_TOKEN";
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
    private static final int MAX_FILE_BYTES = 64 * 1024;

    /** What a command knows about where its token may come from. */
    /** @param authority where to refresh a sign-in, or null for where it was made */
    public record Sources(String tokenFlag, String tokenFileFlag, Profile profile, boolean insecureHttp, String authority) {}

    /** @param source where it came from, for whoami and messages; never the token itself */
    public record Token(String value, String source) {}

    private TokenResolver() {}

    /** {@code POSCTL_TOKEN}'s token, or null when it is not set. */
    public static String fromVariable(Environment env) {
        String v = env.get(TOKEN_VARIABLE);
        return v == null ? null : BearerToken.clean(v, TOKEN_VARIABLE);
    }

    /** The token, or null when none is configured anywhere. */
    public static Token resolve(Sources s, Environment env, PrintWriter err) {
        if (s.tokenFlag() != null) {
            err.println("posctl: warning: --token puts the token in your shell history and the process list;"
                + " prefer --token-file, POSCTL_TOKEN or posctl login");
            err.flush();
            return new Token(BearerToken.clean(s.tokenFlag(), "--token"), "--token");
        }
        if (s.tokenFileFlag() != null) {
            return new Token(readFile(env, s.tokenFileFlag()), "--token-file " + s.tokenFileFlag());
        }
        String variable = fromVariable(env);
        if (variable != null) {
            return new Token(variable, "env " + TOKEN_VARIABLE);
        }
        Profile p = s.profile();
        Profile.Resolved file = p.resolve(ConfigKey.TOKEN_FILE, null, env);
        if (file.value() != null) {
            return new Token(readFile(env, file.value()), "tokenFile " + file.value() + " (" + file.source() + ")");
        }
        Profile.Resolved command = p.resolve(ConfigKey.TOKEN_COMMAND, null, env);
        if (command.value() != null) {
            return new Token(TokenCommand.run(command.value()), "tokenCommand (" + command.source() + ")");
        }
        return cached(s, env);
    }

    private static Token cached(Sources s, Environment env) {
        String name = s.profile().cacheName();
        TokenCache.Entry e = TokenCache.load(env, name);
        if (e == null) {
            return null;
        }
        Instant now = env.clock().instant();
        if (e.expiresAt().isAfter(now.plus(REFRESH_MARGIN))) {
            return new Token(BearerToken.clean(e.accessToken(), "the sign-in cache of profile " + name), "signed in (profile " + name + ")");
        }
        String authority = s.authority() != null ? s.authority() : e.authority();
        SignIn signIn = new SignIn(env, ProxySettings.fromEnvironment(env.vars()), DeviceCodeFlow.REAL);
        TokenCache.Entry fresh;
        if (e.refreshToken() != null) {
            fresh = signIn.refresh(new TokenCache.Entry(e.accessToken(), e.refreshToken(), e.expiresAt(), e.method(), authority,
                e.tenant(), e.clientId(), e.scope(), null), s.insecureHttp());
        } else if ("client-secret".equals(e.method()) || "client-certificate".equals(e.method())) {
            // client credentials have no refresh token: the same credentials simply sign in again
            String secretFile = s.profile().value(ConfigKey.CLIENT_SECRET_FILE, null, env);
            String certificate = s.profile().value(ConfigKey.CERTIFICATE, null, env);
            boolean secret = "client-secret".equals(e.method());
            fresh = signIn.login(new SignIn.Request(e.method(), authority, e.tenant(), e.clientId(), e.scope(),
                secret && secretFile == null ? e.credentialFile() : secretFile,
                !secret && certificate == null ? e.credentialFile() : certificate, s.insecureHttp()), null);
        } else {
            throw new PosctlException(ExitCode.AUTH, "the sign-in of profile " + name + " expired at " + e.expiresAt()
                + ": run posctl login" + (name.equals(Profile.NO_PROFILE) ? "" : " --profile " + name));
        }
        TokenCache.save(env, name, fresh);
        return new Token(fresh.accessToken(), "signed in (profile " + name + ", refreshed)");
    }

    private static String readFile(Environment env, String name) {
        Path file = env.cwd().resolve(name);
        String where = "the token file " + file;
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            // a token is a few KB: a device or a huge file must not fill the memory or hang the read
            head = in.readNBytes(MAX_FILE_BYTES);
        } catch (IOException e) {
            // a file system's message names the file (said already), never its content
            throw new PosctlException(ExitCode.AUTH, "cannot read " + where + ": " + IoReasons.of(e));
        }
        // undecodable bytes become U+FFFD, which the token check refuses without showing them
        return BearerToken.clean(new String(head, StandardCharsets.UTF_8), where);
    }
}

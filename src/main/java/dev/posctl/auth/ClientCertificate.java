package dev.posctl.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.posctl.core.ExitCode;
import dev.posctl.core.PosctlException;
import dev.posctl.json.JsonTrees;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate and its RSA key (PEM or PKCS#12, JDK only) that sign the client-assertion JWT of
 * the client credentials flow: RS256 with the certificate's SHA-1 thumbprint in {@code x5t}.
 */
public final class ClientCertificate {
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private final PrivateKey key;
    private final X509Certificate certificate;

    private ClientCertificate(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** @param password for PKCS#12 files (POSCTL_CERTIFICATE_PASSWORD); null for none */
    public static ClientCertificate load(Path file, String password) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new PosctlException(ExitCode.CONFIG, "cannot read the certificate " + file + ": " + dev.posctl.core.IoReasons.of(e));
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        boolean isPem = text.contains("-----BEGIN ");
        try {
            return isPem ? pem(file, text) : pkcs12(file, bytes, password);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            // not the library's message: it names Java classes and may quote what it could not parse
            throw new PosctlException(ExitCode.CONFIG, "cannot read the key and certificate in " + file + ": " + reason(isPem, e, password));
        }
    }

    private static String reason(boolean pem, Exception e, String password) {
        if (pem) {
            return e instanceof IllegalArgumentException ? "a PEM block is not valid base64"
                : "a PEM block holds no readable RSA key or X.509 certificate";
        }
        if (e.getCause() instanceof java.security.UnrecoverableKeyException) {
            return password == null ? "it needs a password: set POSCTL_CERTIFICATE_PASSWORD" : "the password in POSCTL_CERTIFICATE_PASSWORD is wrong";
        }
        return "it is neither PEM (a PRIVATE KEY and a CERTIFICATE block) nor PKCS#12";
    }

    private static ClientCertificate pem(Path file, String text) throws GeneralSecurityException {
        PrivateKey key = null;
        X509Certificate cert = null;
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "PRIVATE KEY":
                    key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
                    break;
                case "RSA PRIVATE KEY":
                    key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs1ToPkcs8(der)));
                    break;
                case "CERTIFICATE":
                    if (cert == null) {
                        cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
                    }
                    break;
                case "ENCRYPTED PRIVATE KEY":
                    throw new PosctlException(ExitCode.CONFIG, file + " holds an encrypted PEM key, which posctl does not read: "
                        + "use a PKCS#12 file with POSCTL_CERTIFICATE_PASSWORD instead");
                default:
                    break;
            }
        }
        if (key == null || cert == null) {
            throw new PosctlException(ExitCode.CONFIG, file + " must hold both a PRIVATE KEY and a CERTIFICATE PEM block");
        }
        return new ClientCertificate(key, cert);
    }

    private static ClientCertificate pkcs12(Path file, byte[] bytes, String password) throws GeneralSecurityException, IOException {
        char[] pw = password != null ? password.toCharArray() : new char[0];
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(new ByteArrayInputStream(bytes), pw);
        for (String alias : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(alias)) {
                Key k = ks.getKey(alias, pw);
                Certificate c = ks.getCertificate(alias);
                if (k instanceof PrivateKey && c instanceof X509Certificate) {
                    return new ClientCertificate((PrivateKey) k, (X509Certificate) c);
                }
            }
        }
        throw new PosctlException(ExitCode.CONFIG, file + " holds no private key with a certificate");
    }

    /** base64url(SHA-1(DER certificate)), as Entra ID expects in x5t. */
    public String thumbprint() {
        try {
            return Jwt.base64Url(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new PosctlException(ExitCode.INTERNAL, "cannot hash the certificate: " + e.getMessage());
        }
    }

    /** A client assertion for one token request, valid for ten minutes. */
    public String assertion(String clientId, String audience, Instant now) {
        ObjectNode header = JsonNodeFactory.instance.objectNode().put("alg", "RS256").put("typ", "JWT").put("x5t", thumbprint());
        ObjectNode claims = JsonNodeFactory.instance.objectNode().put("aud", audience).put("iss", clientId).put("sub", clientId)
            .put("jti", UUID.randomUUID().toString()).put("nbf", now.getEpochSecond()).put("iat", now.getEpochSecond())
            .put("exp", now.getEpochSecond() + 600);
        String signingInput = Jwt.base64Url(JsonTrees.compact(header)) + "." + Jwt.base64Url(JsonTrees.compact(claims));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Jwt.base64Url(s.sign());
        } catch (GeneralSecurityException e) {
            throw new PosctlException(ExitCode.CONFIG, "cannot sign the client assertion: " + e.getMessage());
        }
    }

    /** PKCS#1 RSAPrivateKey wrapped as PKCS#8: SEQUENCE { 0, { rsaEncryption, NULL }, OCTET STRING }. */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(algorithm);
        body.writeBytes(tlv(0x04, pkcs1));
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 128) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((n >> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }
}

package dev.posctl.http;

/** How update URLs are formed. */
public enum PathStyle {
    /** {@code PATCH {base}/users/{user}/profile/positions/{id}}: Graph beta today. */
    graph,
    /** {@code PATCH {base}/user/{user}/profile/positions} with the id in the body: the founding document's form. */
    seed
}

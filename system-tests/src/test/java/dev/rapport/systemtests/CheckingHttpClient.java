package dev.rapport.systemtests;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLSession;

/**
 * The generated client's HTTP client: every answer is read whole, checked against the merged
 * document by {@link ResponseChecker} (an answer it does not describe throws), and only then handed to
 * the generated code, which would otherwise coerce or ignore what does not fit its model.
 */
final class CheckingHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final ResponseChecker checker;

    private CheckingHttpClient(HttpClient delegate, ResponseChecker checker) {
        this.delegate = delegate;
        this.checker = checker;
    }

    /** A builder for {@code ApiClient.setHttpClientBuilder}. */
    static Builder builder(ResponseChecker checker) {
        Builder real = HttpClient.newBuilder().version(Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
        return new Builder() {
            @Override public Builder cookieHandler(CookieHandler h) { real.cookieHandler(h); return this; }
            @Override public Builder connectTimeout(Duration d) { real.connectTimeout(d); return this; }
            @Override public Builder sslContext(SSLContext c) { real.sslContext(c); return this; }
            @Override public Builder sslParameters(SSLParameters p) { real.sslParameters(p); return this; }
            @Override public Builder executor(Executor e) { real.executor(e); return this; }
            @Override public Builder followRedirects(Redirect r) { real.followRedirects(r); return this; }
            @Override public Builder version(Version v) { return this; }
            @Override public Builder priority(int p) { real.priority(p); return this; }
            @Override public Builder proxy(ProxySelector p) { real.proxy(p); return this; }
            @Override public Builder authenticator(Authenticator a) { real.authenticator(a); return this; }
            @Override public HttpClient build() { return new CheckingHttpClient(real.build(), checker); }
        };
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> raw = delegate.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String path = request.uri().getRawPath() + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
        checker.assertConforms(new Http.Response(request.method(), path, raw.statusCode(), raw.headers(),
                new String(raw.body(), StandardCharsets.UTF_8)));
        return new Replayed<>(raw, convert(raw, handler));
    }

    private static <T> T convert(HttpResponse<byte[]> raw, HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpResponse.BodySubscriber<T> subscriber = handler.apply(new HttpResponse.ResponseInfo() {
            @Override public int statusCode() { return raw.statusCode(); }
            @Override public HttpHeaders headers() { return raw.headers(); }
            @Override public Version version() { return raw.version(); }
        });
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override public void request(long n) { }
            @Override public void cancel() { }
        });
        subscriber.onNext(List.of(ByteBuffer.wrap(raw.body())));
        subscriber.onComplete();
        try {
            return subscriber.getBody().toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    private record Replayed<T>(HttpResponse<byte[]> raw, T body) implements HttpResponse<T> {
        @Override public int statusCode() { return raw.statusCode(); }
        @Override public HttpRequest request() { return raw.request(); }
        @Override public Optional<HttpResponse<T>> previousResponse() { return Optional.empty(); }
        @Override public HttpHeaders headers() { return raw.headers(); }
        @Override public Optional<SSLSession> sslSession() { return raw.sslSession(); }
        @Override public java.net.URI uri() { return raw.uri(); }
        @Override public Version version() { return raw.version(); }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return CompletableFuture.completedFuture(send(request, handler));
        } catch (IOException | InterruptedException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        return sendAsync(request, handler);
    }

    @Override public Optional<CookieHandler> cookieHandler() { return delegate.cookieHandler(); }
    @Override public Optional<Duration> connectTimeout() { return delegate.connectTimeout(); }
    @Override public Redirect followRedirects() { return delegate.followRedirects(); }
    @Override public Optional<ProxySelector> proxy() { return delegate.proxy(); }
    @Override public SSLContext sslContext() { return delegate.sslContext(); }
    @Override public SSLParameters sslParameters() { return delegate.sslParameters(); }
    @Override public Optional<Authenticator> authenticator() { return delegate.authenticator(); }
    @Override public Version version() { return delegate.version(); }
    @Override public Optional<Executor> executor() { return delegate.executor(); }
}

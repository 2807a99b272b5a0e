package org.ondes.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import org.ondes.web.CurrentAccount;

import java.util.List;
import java.util.Map;

/** Backs {@code POST /login}: username + password in, a bearer JWT carrying the account id and role out. */
@Singleton
class LoginAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {
    private final Accounts accounts;

    LoginAuthenticationProvider(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> login) {
        return accounts.authenticate(login.getIdentity(), login.getSecret())
                .map(p -> AuthenticationResponse.success(p.username(), List.of(p.role()),
                        Map.of(CurrentAccount.ACCOUNT_ID, p.accountId())))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }
}

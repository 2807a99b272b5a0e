package org.ondes.accounts;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.ondes.limits.ClientAddress;
import org.ondes.limits.ClientAddresses;
import org.ondes.limits.Limits;
import org.ondes.web.CurrentAccount;

import java.util.List;
import java.util.Map;

/**
 * Backs {@code POST /login}: username + password in, a bearer JWT carrying the account id and role out. A refused
 * password counts towards the address's wait before its next attempt, which {@link LoginThrottleFilter} enforces.
 */
@Singleton
class LoginAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {
    static final String SUSPENDED = "this account is suspended by the directory's moderators";
    static final String PENDING = "your account is waiting for a moderator's approval";
    /** A provider: Micronaut Security looks providers up while deciding which beans exist, before the database. */
    private final Provider<Accounts> accounts;
    private final Provider<ClientAddresses> clients;
    private final Provider<Limits> limits;

    LoginAuthenticationProvider(Provider<Accounts> accounts, Provider<ClientAddresses> clients, Provider<Limits> limits) {
        this.accounts = accounts;
        this.clients = clients;
        this.limits = limits;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> login) {
        ClientAddress client = clients.get().of(request);
        SignIn result = accounts.get().authenticate(login.getIdentity(), login.getSecret());
        if (result instanceof SignIn.Accepted ok) {
            Accounts.Principal p = ok.principal();
            return AuthenticationResponse.success(p.username(), List.of(p.role()), Map.of(CurrentAccount.ACCOUNT_ID, p.accountId()));
        }
        if (result instanceof SignIn.Suspended) {
            return AuthenticationResponse.failure(SUSPENDED);
        }
        if (result instanceof SignIn.Pending) {
            return AuthenticationResponse.failure(PENDING);
        }
        limits.get().signInFailed(client);
        return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
}

"""Signs a private_key_jwt client assertion with PyJWT (RFC 7523): iss = sub = client_id, aud = token endpoint."""
import secrets
import sys
import time

import jwt

pem_file, kid, client_id, audience, alg = sys.argv[1:6]
now = int(time.time())
claims = {"iss": client_id, "sub": client_id, "aud": audience, "jti": secrets.token_urlsafe(16), "iat": now, "exp": now + 60}
with open(pem_file, "rb") as f:
    print(jwt.encode(claims, f.read(), algorithm=alg, headers={"kid": kid}))

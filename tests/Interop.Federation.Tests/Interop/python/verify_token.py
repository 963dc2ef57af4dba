"""Validates a hub access token independently of .NET: PyJWT checks the signature against the JWKS the hub
publishes (fetched over loopback HTTP), plus typ, iss, aud and exp; jwcrypto checks the signature a second time."""
import json
import sys
import urllib.request

import jwt
from jwcrypto import jwk as jc_jwk
from jwcrypto import jwt as jc_jwt

jwks_url, token, issuer, audience = sys.argv[1:5]
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only: never a proxy
jwks = json.load(opener.open(jwks_url, timeout=10))

header = jwt.get_unverified_header(token)
if header.get("typ") != "at+jwt":
    raise SystemExit("typ is %r, expected at+jwt" % header.get("typ"))
key = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
public_key = jwt.algorithms.RSAAlgorithm.from_jwk(json.dumps(key))
claims = jwt.decode(token, public_key, algorithms=["RS256"], audience=audience, issuer=issuer,
                    options={"require": ["exp", "iat", "nbf", "iss", "aud", "sub", "jti"]})

checked = jc_jwt.JWT(jwt=token, key=jc_jwk.JWKSet.from_json(json.dumps(jwks)), algs=["RS256"])
if json.loads(checked.claims)["jti"] != claims["jti"]:
    raise SystemExit("jwcrypto saw other claims")
print(json.dumps(claims))

"""What the public pages of joining show (alliance.core.cache): the verification of a
joint declaration's fingerprint says whether it is in force."""

from alliance.core.cache import depends_on

DECLARATIONS = "joining.declarations"

depends_on("joining.JointDeclaration", lambda event: [DECLARATIONS])

// Test-only reader: parses each otpauth link on stdin with the npm `otpauth` package (OTPAuth.URI.parse)
// and prints one JSON object per line: what that package reads (or its error).
const OTPAuth = require("otpauth");
const lines = require("fs").readFileSync(0, "utf8").split("\n").filter((l) => l.trim());
for (const line of lines) {
  try {
    const otp = OTPAuth.URI.parse(line);
    const kind = otp instanceof OTPAuth.HOTP ? "hotp" : "totp";
    const out = { kind, issuer: otp.issuer, account: otp.label, secret: otp.secret.base32.replace(/=+$/, ""),
      algorithm: otp.algorithm, digits: otp.digits };
    if (kind === "hotp") out.counter = otp.counter; else out.period = otp.period;
    console.log(JSON.stringify(out));
  } catch (e) {
    console.log(JSON.stringify({ error: String(e.message || e) }));
  }
}

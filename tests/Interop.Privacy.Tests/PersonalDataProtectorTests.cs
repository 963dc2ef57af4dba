using System.Security.Cryptography;
using System.Text;
using Interop.Privacy.Tests.Infrastructure;

namespace Interop.Privacy.Tests;

public class PersonalDataProtectorTests
{
    private const string Context = "referral/0f8e2c1a/bsn";

    private static PersonalDataProtector Create(byte current, params (byte Id, byte[] Key)[] keys) =>
        new(current, keys.ToDictionary(k => k.Id, k => k.Key));

    private static PersonalDataProtector CreateSingle() => Create(1, (1, TestKeys.Random32()));

    [Fact]
    public void Protect_RoundTrip_ReturnsPlaintext()
    {
        var protector = CreateSingle();
        var protectedData = protector.Protect("123456782", Context);
        Assert.Equal("123456782", protector.Unprotect(protectedData, Context));
    }

    [Fact]
    public void Protect_Format_IsVersionKeyIdNonceTagCiphertext()
    {
        var protector = Create(5, (5, TestKeys.Random32()));
        var plaintext = Encoding.UTF8.GetBytes("123456782");
        var protectedData = protector.Protect(plaintext, Encoding.UTF8.GetBytes(Context));
        Assert.Equal(PersonalDataProtector.Overhead + plaintext.Length, protectedData.Length);
        Assert.Equal(2 + 12 + 16, PersonalDataProtector.Overhead);
        Assert.Equal(1, protectedData[0]);
        Assert.Equal(5, protectedData[1]);
        Assert.Equal(5, PersonalDataProtector.GetKeyId(protectedData));
        Assert.DoesNotContain("123456782", Encoding.Latin1.GetString(protectedData));
    }

    [Fact]
    public void Protect_Format_DecryptsWithPlainAesGcmOverHeaderAndContext()
    {
        // The documented format, read without the protector: AES-256-GCM, nonce at 2, tag at 14, ciphertext at 30,
        // associated data = the two header bytes followed by the caller's context.
        var key = TestKeys.Random32();
        var protectedData = Create(9, (9, key)).Protect("123456782", Context);
        var plaintext = new byte[protectedData.Length - 30];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(protectedData.AsSpan(2, 12), protectedData.AsSpan(30), protectedData.AsSpan(14, 16), plaintext,
            [1, 9, .. Encoding.UTF8.GetBytes(Context)]);
        Assert.Equal("123456782", Encoding.UTF8.GetString(plaintext));
    }

    [Fact]
    public void Protect_SamePlaintextTwice_DiffersByNonce()
    {
        var protector = CreateSingle();
        var first = protector.Protect("123456782", Context);
        var second = protector.Protect("123456782", Context);
        Assert.NotEqual(first, second);
        Assert.NotEqual(first.AsSpan(2, 12).ToArray(), second.AsSpan(2, 12).ToArray());
    }

    [Fact]
    public void Protect_EmptyPlaintext_RoundTrips()
    {
        var protector = CreateSingle();
        Assert.Equal("", protector.Unprotect(protector.Protect("", Context), Context));
    }

    [Fact]
    public void Unprotect_AnyByteFlipped_IsRefused()
    {
        // Both a key id 1 and 2 in the ring, so a flipped key id byte can also land on a known key.
        var protector = Create(1, (1, TestKeys.Random32()), (3, TestKeys.Random32()));
        var protectedData = protector.Protect("123456782", Context);
        var ad = Encoding.UTF8.GetBytes(Context);
        for (var i = 0; i < protectedData.Length; i++)
        {
            foreach (var mask in new byte[] { 0x01, 0x02, 0x80, 0xFF })
            {
                var tampered = (byte[])protectedData.Clone();
                tampered[i] ^= mask;
                Assert.False(protector.TryUnprotect(tampered, ad, out var plaintext), $"byte {i} ^ {mask:x2} must be refused");
                Assert.Null(plaintext);
                Assert.Throws<CryptographicException>(() => protector.Unprotect(tampered, ad));
            }
        }
    }

    [Fact]
    public void Unprotect_TruncatedOrExtended_IsRefused()
    {
        var protector = CreateSingle();
        var protectedData = protector.Protect("123456782", Context);
        var ad = Encoding.UTF8.GetBytes(Context);
        for (var length = 0; length < protectedData.Length; length++)
        {
            Assert.False(protector.TryUnprotect(protectedData.AsSpan(0, length), ad, out _), $"length {length} must be refused");
        }

        Assert.False(protector.TryUnprotect([.. protectedData, 0], ad, out _));
    }

    [Fact]
    public void Unprotect_OtherAssociatedData_IsRefused()
    {
        var protector = CreateSingle();
        var protectedData = protector.Protect("123456782", "referral/1/bsn");
        var ex = Assert.Throws<CryptographicException>(() => protector.Unprotect(protectedData, "referral/2/bsn"));
        Assert.Contains("another context", ex.Message);
        Assert.Throws<CryptographicException>(() => protector.Unprotect(protectedData, "referral/1/bsn "));
        Assert.Throws<CryptographicException>(() => protector.Unprotect(protectedData, "referral/1"));
    }

    [Fact]
    public void Protect_EmptyAssociatedData_Throws()
    {
        var protector = CreateSingle();
        Assert.Throws<ArgumentException>(() => protector.Protect("123456782", ""));
        var protectedData = protector.Protect("123456782", Context);
        Assert.Throws<ArgumentException>(() => protector.Unprotect(protectedData, ""));
    }

    [Fact]
    public void Unprotect_UnknownKeyId_IsRefused()
    {
        var protectedData = Create(2, (2, TestKeys.Random32())).Protect("123456782", Context);
        var ex = Assert.Throws<CryptographicException>(() => CreateSingle().Unprotect(protectedData, Context));
        Assert.Contains("key id 2", ex.Message);
    }

    [Fact]
    public void Unprotect_SameKeyIdOtherKey_IsRefused()
    {
        var protectedData = CreateSingle().Protect("123456782", Context);
        Assert.Throws<CryptographicException>(() => CreateSingle().Unprotect(protectedData, Context));
    }

    [Fact]
    public void Unprotect_KeyIdRewrittenToOtherKnownKey_IsRefused()
    {
        var key = TestKeys.Random32();
        var protector = Create(1, (1, key), (2, key)); // even the same key material under another id
        var protectedData = protector.Protect("123456782", Context);
        protectedData[1] = 2;
        Assert.Throws<CryptographicException>(() => protector.Unprotect(protectedData, Context));
    }

    [Fact]
    public void Unprotect_UnknownFormat_IsRefused()
    {
        var protector = CreateSingle();
        var protectedData = protector.Protect("123456782", Context);
        protectedData[0] = 2;
        var ex = Assert.Throws<CryptographicException>(() => protector.Unprotect(protectedData, Context));
        Assert.Contains("unknown format", ex.Message);
        Assert.Throws<CryptographicException>(() => PersonalDataProtector.GetKeyId(protectedData));
    }

    [Fact]
    public void Rotation_OldCiphertextDecrypts_NewUsesCurrentKey()
    {
        var oldKey = TestKeys.Random32();
        var before = Create(1, (1, oldKey));
        var oldData = before.Protect("123456782", Context);

        var after = Create(2, (1, oldKey), (2, TestKeys.Random32()));
        Assert.Equal("123456782", after.Unprotect(oldData, Context));
        var newData = after.Protect("123456782", Context);
        Assert.Equal(2, PersonalDataProtector.GetKeyId(newData));
        Assert.Equal(2, after.CurrentKeyId);
        Assert.Equal("123456782", after.Unprotect(newData, Context));

        // A node still on the old ring cannot read what the new key wrote: it says so rather than guessing.
        Assert.Throws<CryptographicException>(() => before.Unprotect(newData, Context));
    }

    [Fact]
    public void Constructor_InvalidRing_Throws()
    {
        Assert.Throws<ArgumentException>(() => Create(1, (2, TestKeys.Random32())));
        Assert.Throws<ArgumentException>(() => Create(0, (0, TestKeys.Random32())));
        Assert.Throws<ArgumentException>(() => Create(1, (1, new byte[16])));
        Assert.Throws<ArgumentException>(() => Create(1, (1, new byte[33])));
        Assert.Throws<ArgumentException>(() => Create(1));
    }

    [Fact]
    public void Constructor_CopiesKeys()
    {
        var key = TestKeys.Random32();
        var protector = Create(1, (1, key));
        var protectedData = protector.Protect("123456782", Context);
        Array.Clear(key);
        Assert.Equal("123456782", protector.Unprotect(protectedData, Context));
    }
}

namespace Interop.Privacy;

/// <summary>Why a string is not a BSN (see <see cref="Bsn.Validate(string?)"/>).</summary>
public enum BsnError
{
    /// <summary>The value is a valid BSN.</summary>
    None = 0,

    /// <summary>No value (null or empty).</summary>
    Missing = 1,

    /// <summary>Not exactly 9 ASCII digits (an 8-digit legacy BSN must be written with its leading 0).</summary>
    NotNineDigits = 2,

    /// <summary>000000000: passes the arithmetic of the elfproef but is never issued.</summary>
    AllZeros = 3,

    /// <summary>9*d1 + 8*d2 + ... + 2*d8 - 1*d9 is not divisible by 11.</summary>
    FailsElfproef = 4,
}

using System.Diagnostics.CodeAnalysis;

namespace Interop.Privacy;

/// <summary>
/// A validated BSN (burgerservicenummer, the Dutch citizen service number): exactly 9 ASCII digits that pass the
/// elfproef (9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11) and are not all zeros.
/// </summary>
/// <remarks>
/// An older 8-digit BSN is accepted only when written with its leading 0 ("012345672"): the value is never padded
/// silently, because a truncated 9-digit number would then be taken for another person's. Whitespace is not trimmed.
/// <see cref="ToString"/> returns the masked form so a BSN cannot reach a log by accident; read <see cref="Value"/>
/// where the full number is really needed. <c>default(Bsn)</c> is not a BSN: <see cref="Value"/> throws on it.
/// </remarks>
public readonly struct Bsn : IEquatable<Bsn>
{
    /// <summary>The number of digits of a BSN.</summary>
    public const int Length = 9;

    private readonly string? _digits;

    private Bsn(string digits) => _digits = digits;

    /// <summary>The 9 digits. Personal data: do not log it, store it only encrypted.</summary>
    /// <exception cref="InvalidOperationException">This is <c>default(Bsn)</c>.</exception>
    public string Value => _digits ?? throw new InvalidOperationException("default(Bsn) holds no BSN; create one with Bsn.TryParse or Bsn.Parse.");

    /// <summary>Validates <paramref name="value"/> and says precisely what is wrong with it.</summary>
    public static BsnError Validate(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return BsnError.Missing;
        }

        // char.IsDigit would also accept other scripts' digits (e.g. Arabic-Indic); a BSN is ASCII only.
        if (value.Length != Length || !value.All(char.IsAsciiDigit))
        {
            return BsnError.NotNineDigits;
        }

        if (value.All(c => c == '0'))
        {
            return BsnError.AllZeros;
        }

        return ElfproefSum(value) % 11 == 0 ? BsnError.None : BsnError.FailsElfproef;
    }

    /// <summary>A message for <paramref name="error"/> that names the rule and never contains the value.</summary>
    public static string Describe(BsnError error) => error switch
    {
        BsnError.None => "is a valid BSN",
        BsnError.Missing => "is required",
        BsnError.NotNineDigits => "must be 9 digits (an 8-digit BSN is written with a leading 0)",
        BsnError.AllZeros => "must not be all zeros",
        BsnError.FailsElfproef => "fails the elfproef (11-check)",
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, null),
    };

    /// <summary>Parses a BSN; false when <paramref name="value"/> is not one (see <see cref="Validate(string?)"/>).</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out Bsn bsn)
    {
        if (Validate(value) == BsnError.None)
        {
            bsn = new Bsn(value!);
            return true;
        }

        bsn = default;
        return false;
    }

    /// <summary>Parses a BSN.</summary>
    /// <exception cref="FormatException">Not a BSN; the message says why and does not contain the value.</exception>
    public static Bsn Parse(string? value)
    {
        var error = Validate(value);
        return error == BsnError.None
            ? new Bsn(value!)
            : throw new FormatException("The BSN " + Describe(error) + ".");
    }

    /// <summary>
    /// The weighted sum of the elfproef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 (the last digit weighs -1 for a BSN, unlike
    /// the bank-account variant). Valid when divisible by 11.
    /// </summary>
    internal static int ElfproefSum(ReadOnlySpan<char> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
        {
            sum += (Length - i) * (nineDigits[i] - '0');
        }

        return sum - (nineDigits[Length - 1] - '0');
    }

    /// <summary>The last four digits behind asterisks ("*****1234"); "*********" for <c>default(Bsn)</c>.</summary>
    public string ToMaskedString() => _digits is null ? new string('*', Length) : string.Concat("*****", _digits.AsSpan(Length - 4));

    /// <summary>The masked form (<see cref="ToMaskedString"/>), never the full number.</summary>
    public override string ToString() => ToMaskedString();

    /// <inheritdoc />
    public bool Equals(Bsn other) => string.Equals(_digits, other._digits, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Bsn other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _digits is null ? 0 : StringComparer.Ordinal.GetHashCode(_digits);

    /// <summary>Equal when both hold the same digits.</summary>
    public static bool operator ==(Bsn left, Bsn right) => left.Equals(right);

    /// <summary>Not equal when the digits differ.</summary>
    public static bool operator !=(Bsn left, Bsn right) => !left.Equals(right);
}

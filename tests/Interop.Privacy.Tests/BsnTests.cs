using Interop.Privacy.Tests.Infrastructure;

namespace Interop.Privacy.Tests;

public class BsnTests
{
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData("012345672")] // an 8-digit legacy number written with its leading 0
    public void Validate_KnownTestNumber_IsValid(string value)
    {
        Assert.Equal(BsnError.None, Bsn.Validate(value));
        Assert.True(Bsn.TryParse(value, out var bsn));
        Assert.Equal(value, bsn.Value);
    }

    [Theory]
    [InlineData(null, BsnError.Missing)]
    [InlineData("", BsnError.Missing)]
    [InlineData("12345672", BsnError.NotNineDigits)] // 8-digit legacy form without its 0: never padded silently
    [InlineData("1234567820", BsnError.NotNineDigits)]
    [InlineData("0123456782", BsnError.NotNineDigits)]
    [InlineData(" 123456782", BsnError.NotNineDigits)]
    [InlineData("123456782 ", BsnError.NotNineDigits)]
    [InlineData("12345678 ", BsnError.NotNineDigits)]
    [InlineData("1234-5678", BsnError.NotNineDigits)]
    [InlineData("-12345678", BsnError.NotNineDigits)]
    [InlineData("+12345678", BsnError.NotNineDigits)]
    [InlineData("12345678a", BsnError.NotNineDigits)]
    [InlineData("١٢٣٤٥٦٧٨٢", BsnError.NotNineDigits)] // Arabic-Indic digits: char.IsDigit is true, still not a BSN
    [InlineData("１２３４５６７８２", BsnError.NotNineDigits)] // full-width digits
    [InlineData("12345678\0", BsnError.NotNineDigits)]
    [InlineData("000000000", BsnError.AllZeros)]
    [InlineData("123456789", BsnError.FailsElfproef)]
    [InlineData("111222334", BsnError.FailsElfproef)]
    [InlineData("999999999", BsnError.FailsElfproef)]
    public void Validate_Invalid_ReturnsPreciseError(string? value, BsnError expected)
    {
        Assert.Equal(expected, Bsn.Validate(value));
        Assert.False(Bsn.TryParse(value, out var bsn));
        Assert.Equal(default, bsn);
    }

    [Fact]
    public void Describe_NamesTheRule()
    {
        Assert.Equal("must be 9 digits (an 8-digit BSN is written with a leading 0)", Bsn.Describe(BsnError.NotNineDigits));
        Assert.Equal("fails the elfproef (11-check)", Bsn.Describe(BsnError.FailsElfproef));
        Assert.Equal("must not be all zeros", Bsn.Describe(BsnError.AllZeros));
        Assert.Equal("is required", Bsn.Describe(BsnError.Missing));
        Assert.Throws<ArgumentOutOfRangeException>(() => Bsn.Describe((BsnError)99));
    }

    [Fact]
    public void Parse_Invalid_ThrowsWithoutTheValue()
    {
        var ex = Assert.Throws<FormatException>(() => Bsn.Parse("123456789"));
        Assert.Equal("The BSN fails the elfproef (11-check).", ex.Message);
        Assert.DoesNotContain("123456789", ex.Message);
    }

    [Fact]
    public void Elfproef_GeneratedNumbers_AlwaysPass()
    {
        foreach (var value in TestBsns.Many(seed: 4, count: 5_000))
        {
            Assert.True(Bsn.Validate(value) == BsnError.None, $"generated {value} should pass");
        }
    }

    [Fact]
    public void Elfproef_AnyOneDigitChanged_AlwaysFails()
    {
        // Every weight (9..2 and -1) is non-zero modulo the prime 11, and so is every change of one digit (1..9):
        // the elfproef catches every single-digit error.
        foreach (var value in TestBsns.Many(seed: 11, count: 500))
        {
            for (var position = 0; position < Bsn.Length; position++)
            {
                for (var digit = '0'; digit <= '9'; digit++)
                {
                    if (digit == value[position])
                    {
                        continue;
                    }

                    var changed = string.Concat(value.AsSpan(0, position), digit.ToString(), value.AsSpan(position + 1));
                    Assert.True(Bsn.Validate(changed) != BsnError.None, $"{changed} (from {value}) should fail");
                }
            }
        }
    }

    [Fact]
    public void Elfproef_GeneratedNumbers_AcceptedWithLeadingZeroOnly()
    {
        var random = new Random(8);
        var found = 0;
        while (found < 50)
        {
            var value = TestBsns.Generate(random);
            if (value[0] != '0')
            {
                continue;
            }

            found++;
            Assert.Equal(BsnError.None, Bsn.Validate(value));
            Assert.Equal(BsnError.NotNineDigits, Bsn.Validate(value[1..]));
        }
    }

    [Fact]
    public void ToString_NeverContainsTheFullNumber()
    {
        foreach (var value in TestBsns.Many(seed: 3, count: 200))
        {
            var bsn = Bsn.Parse(value);
            Assert.Equal("*****" + value[5..], bsn.ToString());
            Assert.Equal(bsn.ToMaskedString(), bsn.ToString());
            Assert.DoesNotContain(value, bsn.ToString());
            Assert.DoesNotContain(value, $"{bsn}");
            Assert.DoesNotContain(value, string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", bsn));
            Assert.DoesNotContain(value, new { Subject = bsn }.ToString());
            Assert.DoesNotContain(value[..5], bsn.ToString());
        }
    }

    [Fact]
    public void ToString_InStructuredLog_IsMasked()
    {
        using var provider = new CollectingLoggerProvider();
        var logger = provider.CreateLogger("test");
        var bsn = Bsn.Parse("123456782");
#pragma warning disable CA2254, CA1848 // the point is what an accidental log call writes
        Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "Subject {Bsn}", bsn);
#pragma warning restore CA2254, CA1848
        var entry = Assert.Single(provider.Entries);
        Assert.Equal("Subject *****6782", entry.Message);
    }

    [Fact]
    public void Default_HoldsNoBsn()
    {
        var bsn = default(Bsn);
        Assert.Throws<InvalidOperationException>(() => bsn.Value);
        Assert.Equal("*********", bsn.ToString());
    }

    [Fact]
    public void Equality_ComparesDigits()
    {
        Assert.Equal(Bsn.Parse("123456782"), Bsn.Parse("123456782"));
        Assert.True(Bsn.Parse("123456782") == Bsn.Parse("123456782"));
        Assert.True(Bsn.Parse("123456782") != Bsn.Parse("111222333"));
        Assert.Equal(Bsn.Parse("123456782").GetHashCode(), Bsn.Parse("123456782").GetHashCode());
        Assert.NotEqual(default, Bsn.Parse("123456782"));
    }
}

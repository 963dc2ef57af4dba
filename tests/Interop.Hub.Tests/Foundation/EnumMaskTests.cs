using Interop.Contracts.V1;
using Interop.Hub.Storage;

namespace Interop.Hub.Tests.Foundation;

public class EnumMaskTests
{
    [Fact]
    public void Of_SetsTheBitOfEachNumber_FromAListOrAnySequence()
    {
        Leefgebied[] values = [Leefgebied.Onderwijs, Leefgebied.Zorg, Leefgebied.Onderwijs];
        var expected = (1L << (int)Leefgebied.Onderwijs) | (1L << (int)Leefgebied.Zorg);

        Assert.Equal(expected, EnumMask.Of(values));
        Assert.Equal(expected, EnumMask.Of(values.Where(_ => true)));
        Assert.Equal(0L, EnumMask.Of(Array.Empty<Leefgebied>()));
    }

    [Fact]
    public void ToList_IsEveryValueOfTheMask_Ascending_AndRoundTrips()
    {
        var all = Enum.GetValues<DataCategory>();
        var mask = EnumMask.Of(all);

        Assert.Equal(all.Order(), EnumMask.ToList<DataCategory>(mask));
        Assert.Equal([DataCategory.Bsn, DataCategory.Health], EnumMask.ToList<DataCategory>(EnumMask.Of([DataCategory.Health, DataCategory.Bsn])));
        Assert.Empty(EnumMask.ToList<DataCategory>(0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(63)]
    public void Of_NumberOutsideTheMask_Throws(int number)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EnumMask.Of([(Leefgebied)number]));
    }

    [Fact]
    public void NotA32BitEnum_Throws()
    {
        Assert.Throws<ArgumentException>(() => EnumMask.Of([ByteEnum.One]));
        Assert.Throws<ArgumentException>(() => EnumMask.ToList<ByteEnum>(1));
    }

    private enum ByteEnum : byte
    {
        One = 1,
    }
}

using KeyAccount.Domain.ReferenceData;
using KeyAccount.Domain.Surveys;

namespace KeyAccount.Domain.Tests.ReferenceData;

public class ReferenceItemTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 14, 5, 0, TimeSpan.FromHours(8));

    [TestCase("Energy", "energy")]
    [TestCase("  EAST-China ", "east-china")]
    [TestCase("oem", "oem")]
    public void NormalizeCode_WhenAnyCaseOrSurroundingSpaces_IsTheStoredLowerCaseForm(string input, string stored)
    {
        Assert.That(ReferenceItem.NormalizeCode(input), Is.EqualTo(stored));
        Assert.That(ReferenceItem.IsValidCode(stored), Is.True);
    }

    [TestCase("east china")]
    [TestCase("east--china")]
    [TestCase("-east")]
    [TestCase("华东")]
    [TestCase("")]
    public void IsValidCode_WhenNotLettersDigitsAndSingleHyphens_IsFalse(string code) =>
        Assert.That(ReferenceItem.IsValidCode(ReferenceItem.NormalizeCode(code)), Is.False);

    [Test]
    public void IsValidCode_AtTheLimit_IsTrue_AndOneMore_IsFalse()
    {
        Assert.That(ReferenceItem.IsValidCode(new string('a', ReferenceItem.MaxCodeLength)), Is.True);
        Assert.That(ReferenceItem.IsValidCode(new string('a', ReferenceItem.MaxCodeLength + 1)), Is.False);
    }

    [Test]
    public void Create_KeepsChineseLabelsAtTheColumnLimit_AndReadsTheLabelOfTheLanguage()
    {
        var zh = new string('西', ReferenceItem.MaxLabelLength);
        var item = ReferenceItem.Create(ReferenceKind.Region, "North-West", new ReferenceItemLabels($" {zh} ", "Northwest", 70, true), Now);
        Assert.Multiple(() =>
        {
            Assert.That(item.Code, Is.EqualTo("north-west"));
            Assert.That(item.LabelZh, Is.EqualTo(zh));
            Assert.That(item.LabelIn("zh-CN"), Is.EqualTo(zh));
            Assert.That(item.LabelIn("en"), Is.EqualTo("Northwest"));
            Assert.That(item.LabelIn(null), Is.EqualTo("Northwest"));
        });
    }

    [Test]
    public void Update_WhenDeactivated_KeepsTheCode()
    {
        var item = ReferenceItem.Create(ReferenceKind.Segment, "sme", new ReferenceItemLabels("中小企业", "SME", 10, true), Now);
        item.Update(new ReferenceItemLabels("中小企业（停用）", "SME (retired)", 99, false), Now.AddDays(1));
        Assert.That((item.Code, item.IsActive, item.SortOrder, item.UpdatedAt), Is.EqualTo(("sme", false, 99, Now.AddDays(1))));
    }

    [Test]
    public void Create_WhenTheCodeIsNotACode_Throws() =>
        Assert.That(() => ReferenceItem.Create(ReferenceKind.Industry, "新能源", new ReferenceItemLabels("新能源", "New energy", 1, true), Now), Throws.ArgumentException);

    [Test]
    public void AnAudience_StoresCodesInLowerCase_OnceEach()
    {
        var audience = new Audience { Industries = ["Energy", "energy ", "RETAIL"], Regions = ["East-China"], Segments = [" "] }.Normalized();
        Assert.Multiple(() =>
        {
            Assert.That(audience.Industries, Is.EqualTo(new[] { "energy", "retail" }));
            Assert.That(audience.Regions, Is.EqualTo(new[] { "east-china" }));
            Assert.That(audience.Segments, Is.Empty);
        });
    }
}

using KeyAccount.Domain.Accounts;
using KeyAccount.Domain.Complaints;
using KeyAccount.Domain.Tiering;

namespace KeyAccount.Application.Common.Exports;

/// <summary>
/// Enumerated values as a person reads them in an export: the Chinese words the browser client shows (kept the same
/// as its dictionaries), or in English the API's own codes (stable, so a spreadsheet can be filtered by them and
/// matched with API responses).
/// </summary>
public static class ExportLabels
{
    private static readonly Dictionary<Enum, string> Chinese = new()
    {
        [Tier.Strategic] = "战略客户",
        [Tier.Key] = "重点客户",
        [Tier.Growth] = "成长客户",
        [Tier.Standard] = "普通客户",
        [AccountStatus.Prospect] = "潜在",
        [AccountStatus.Active] = "活跃",
        [AccountStatus.Dormant] = "休眠",
        [AccountStatus.Lost] = "流失",
        [Severity.Critical] = "紧急",
        [Severity.High] = "高",
        [Severity.Medium] = "中",
        [Severity.Low] = "低",
        [ComplaintStatus.New] = "新建",
        [ComplaintStatus.Acknowledged] = "已受理",
        [ComplaintStatus.InProgress] = "处理中",
        [ComplaintStatus.AwaitingCustomer] = "等待客户",
        [ComplaintStatus.Resolved] = "已解决",
        [ComplaintStatus.Closed] = "已关闭",
        [ComplaintStatus.Reopened] = "已重开",
        [ComplaintCategory.ProductQuality] = "产品质量",
        [ComplaintCategory.Delivery] = "交付物流",
        [ComplaintCategory.Billing] = "账务开票",
        [ComplaintCategory.Service] = "服务",
        [ComplaintCategory.Other] = "其他",
        [Department.Sales] = "销售部",
        [Department.Marketing] = "市场部",
        [Department.Service] = "客服部",
        [Department.Technical] = "技术部",
        [Department.Product] = "产品部",
        [Department.Quality] = "质量部",
        [Department.Logistics] = "物流部",
        [Department.Finance] = "财务部",
        [SlaState.OnTime] = "正常",
        [SlaState.AtRisk] = "即将超时",
        [SlaState.Breached] = "已超时",
        [TierChangeReason.Initial] = "首次评级",
        [TierChangeReason.Promoted] = "升级",
        [TierChangeReason.Demoted] = "降级",
        [TierChangeReason.Unchanged] = "不变",
        [TierChangeReason.Override] = "人工锁定",
    };

    /// <summary>The value's label in <paramref name="language"/>; null stays null (an empty cell).</summary>
    public static string? Of(Enum? value, ExportLanguage language) =>
        value is null ? null
        : language == ExportLanguage.ZhCn && Chinese.TryGetValue(value, out var zh) ? zh
        : value.ToString();

    /// <summary>Yes/no in <paramref name="language"/>.</summary>
    public static string YesNo(bool value, ExportLanguage language) =>
        language == ExportLanguage.ZhCn ? (value ? "是" : "否") : (value ? "Yes" : "No");
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AtRiskIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_account_health_band_score",
                table: "account_health");

            migrationBuilder.CreateIndex(
                name: "ix_account_health_at_risk",
                table: "account_health",
                columns: new[] { "score", "account_id" },
                filter: "band <> 'Green'");

            migrationBuilder.CreateIndex(
                name: "ix_account_health_band_score_account_id",
                table: "account_health",
                columns: new[] { "band", "score", "account_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_account_health_at_risk",
                table: "account_health");

            migrationBuilder.DropIndex(
                name: "ix_account_health_band_score_account_id",
                table: "account_health");

            migrationBuilder.CreateIndex(
                name: "ix_account_health_band_score",
                table: "account_health",
                columns: new[] { "band", "score" });
        }
    }
}

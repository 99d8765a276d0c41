using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AccountFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_accounts_status",
                table: "accounts",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_accounts_tier",
                table: "accounts",
                column: "tier");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_accounts_status",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "ix_accounts_tier",
                table: "accounts");
        }
    }
}

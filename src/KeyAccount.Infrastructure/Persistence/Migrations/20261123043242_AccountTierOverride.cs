using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AccountTierOverride : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "tier_override_expires_on",
                table: "accounts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tier_override_reason",
                table: "accounts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "tier_override_set_at",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "tier_override_set_by",
                table: "accounts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tier_override_tier",
                table: "accounts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "tier_override_expires_on",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "tier_override_reason",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "tier_override_set_at",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "tier_override_set_by",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "tier_override_tier",
                table: "accounts");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dealership.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class TradeInLiveKeysAndClosedDeals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LiveOrderId",
                table: "TradeIns",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LiveVin",
                table: "TradeIns",
                type: "nvarchar(17)",
                maxLength: 17,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PayoutAmount",
                table: "TradeIns",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PayoutAmount",
                table: "Orders",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TaxBasisPointsAtDelivery",
                table: "Orders",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TradeInReducedTaxAtDelivery",
                table: "Orders",
                type: "bit",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TradeIns_LiveOrderId",
                table: "TradeIns",
                column: "LiveOrderId",
                unique: true,
                filter: "[LiveOrderId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TradeIns_LiveVin",
                table: "TradeIns",
                column: "LiveVin",
                unique: true,
                filter: "[LiveVin] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TradeIns_LiveOrderId",
                table: "TradeIns");

            migrationBuilder.DropIndex(
                name: "IX_TradeIns_LiveVin",
                table: "TradeIns");

            migrationBuilder.DropColumn(
                name: "LiveOrderId",
                table: "TradeIns");

            migrationBuilder.DropColumn(
                name: "LiveVin",
                table: "TradeIns");

            migrationBuilder.DropColumn(
                name: "PayoutAmount",
                table: "TradeIns");

            migrationBuilder.DropColumn(
                name: "PayoutAmount",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "TaxBasisPointsAtDelivery",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "TradeInReducedTaxAtDelivery",
                table: "Orders");
        }
    }
}

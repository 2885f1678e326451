// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title The part of ColdStaking that treasury governance uses
/// @notice Vote weight is a voter's stake, read live; a vote holds that stake until the vote ends so that the same
/// coins cannot vote, leave and vote again from another address.
interface IColdStaking {
    /// @notice A staker's record: staked CLO, round start, reward multiplier and end of term (contract time).
    function staker(address addr) external view returns (uint256 amount, uint256 time, uint256 multiplier, uint256 end_time);

    /// @notice The sum of all stakes.
    function TotalStakingAmount() external view returns (uint256);

    /// @notice The governance contract allowed to hold stakes.
    function governance() external view returns (address);

    /// @notice Holds `voter`'s stake (no withdrawal, no report) until `until`, a block.timestamp, at most the end of
    /// the current governance epoch. Only governance.
    function hold_stake(address voter, uint256 until) external;

    /// @notice TotalStakingAmount as it stood at the end of governance epoch `epoch` (reverts until it has ended).
    function total_staked_at_end_of(uint256 epoch) external view returns (uint256);

    /// @notice Adds msg.value to the stakers' reward pool (a plain transfer would stake it for the sender).
    function DEBUG_donation() external payable;

    /// @notice The block.timestamp until which `voter`'s stake is held.
    function held_until(address voter) external view returns (uint256);
}

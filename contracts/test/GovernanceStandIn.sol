// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

interface IHoldTarget {
    function hold_stake(address voter, uint256 until) external;
}

/// @notice A minimal governance for the cold staking tests: it reports the epochs a treasury reports (`genesis`,
/// `epoch_length`) and holds stakes on request, so that the staking rules that depend on governance can be tested
/// without the whole treasury.
contract GovernanceStandIn {
    uint256 public immutable genesis;
    uint256 public immutable epoch_length;

    constructor(uint256 _genesis, uint256 _epoch_length) {
        genesis = _genesis;
        epoch_length = _epoch_length;
    }

    /// @notice The block time `epoch` starts at, as the treasury computes it.
    function epoch_start(uint256 epoch) external view returns (uint256) {
        return genesis + epoch * epoch_length;
    }

    function hold(IHoldTarget staking, address voter, uint256 until) external {
        staking.hold_stake(voter, until);
    }
}

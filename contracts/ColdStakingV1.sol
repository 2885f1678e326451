// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title The legacy cold staking contract (V1) deployed on Callisto mainnet.
/// @notice Only the interface: stakers who never withdrew still hold coins in it, and the app lets them
/// see, claim and withdraw that position. A test checks this ABI against the one the deployed contract
/// publishes (contracts/reference/callisto-mainnet/ColdStakingV1.abi.json). Its payable fallback (a plain
/// transfer stakes) is left out: the app never stakes into V1, and solc warns on a fallback without receive.
interface ColdStakingV1 {
    event StartStaking(address addr, uint256 value, uint256 amount, uint256 time);
    event WithdrawStake(address staker, uint256 amount);
    event Claim(address staker, uint256 reward);
    event DonationDeposited(address _address, uint256 value);

    function CS_frozen() external view returns (bool);
    function TotalStakingWeight() external view returns (uint256);
    function StakingRewardPool() external view returns (uint256);
    function start_staking() external payable;
    function DEBUG_donation() external payable;
    function claim() external;
    function Treasury() external view returns (address);
    function staking_threshold() external view returns (uint256);
    function round_interval() external view returns (uint256);
    function staker(address) external view returns (uint256 amount, uint256 time);
    function DateStartStaking() external view returns (uint256);
    function report_abuse(address _addr) external;
    function new_block() external;
    function TotalStakingAmount() external view returns (uint256);
    function LastBlock() external view returns (uint256);
    function freeze(bool _f) external;
    function stake_reward(address _addr) external view returns (uint256);
    function withdraw_rewards() external;
    function withdraw_stake() external;
    function max_delay() external view returns (uint256);
    function Timestamp() external view returns (uint256);
    function clear_treasurer() external;
}

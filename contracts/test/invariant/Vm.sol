// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @notice The few forge cheatcodes the invariant suites use (forge-std is not a dependency: it cannot be
/// downloaded here). Signatures as forge 1.x implements them; the address is forge's fixed cheatcode address,
/// address(uint160(uint256(keccak256("hevm cheat code")))).
interface Vm {
    /// @notice Sets the balance of `account` (a block reward credit: no call, no receive()).
    function deal(address account, uint256 newBalance) external;

    /// @notice Sets block.timestamp.
    function warp(uint256 newTimestamp) external;

    /// @notice Sets block.number.
    function roll(uint256 newHeight) external;
}

/// @notice The cheatcode address and the invariant runner's hooks: a suite registers its handler with `_target`,
/// and forge then calls only the listed functions of the listed contracts.
abstract contract InvariantTest {
    Vm internal constant vm = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    address[] private _targetContracts;
    FuzzSelector[] private _targetSelectors;

    /// @dev Forge calls only these contracts during an invariant run (forge-std's StdInvariant names).
    function targetContracts() public view returns (address[] memory) {
        return _targetContracts;
    }

    /// @dev ... and only these functions of them.
    function targetSelectors() public view returns (FuzzSelector[] memory) {
        return _targetSelectors;
    }

    function _target(address target, bytes4[] memory selectors) internal {
        _targetContracts.push(target);
        _targetSelectors.push(FuzzSelector(target, selectors));
    }
}
